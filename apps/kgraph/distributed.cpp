// SPDX-License-Identifier: Apache-2.0
#include "distributed.hpp"

#include <cstdlib>

#ifdef KG_WITH_MPI
#include <mpi.h>

#include <algorithm>

#include "kg/error.hpp"
#endif

namespace kg::cli {

bool launched_by_mpi() {
    // Open MPI's mpirun, and PMI/PMIx launchers (Slurm's srun, MPICH's hydra).
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
        if (std::getenv(name)) return true;
    return false;
}

#ifdef KG_WITH_MPI

namespace {

enum Tag : int { tag_request = 1, tag_chunk = 2, tag_size = 3, tag_bytes = 4 };

// The one place MPI's return codes become kg::Error.
void check(int rc, const char* call) {
    if (rc == MPI_SUCCESS) return;
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    if (MPI_Error_string(rc, text, &length) != MPI_SUCCESS) length = 0;
    throw Error(Errc::distributed, std::string(call) + ": " + (length > 0 ? std::string(text, static_cast<std::size_t>(length)) : "error " + std::to_string(rc)));
}

// MPI counts are ints: long strings go in pieces.
constexpr std::size_t max_piece = std::size_t{1} << 30;

void send_bytes(const std::string& bytes, int to) {
    std::uint64_t size = bytes.size();
    check(MPI_Send(&size, 1, MPI_UINT64_T, to, tag_size, MPI_COMM_WORLD), "MPI_Send");
    for (std::size_t at = 0; at < bytes.size(); at += max_piece) {
        const int n = static_cast<int>(std::min(max_piece, bytes.size() - at));
        check(MPI_Send(bytes.data() + at, n, MPI_BYTE, to, tag_bytes, MPI_COMM_WORLD), "MPI_Send");
    }
}

std::string receive_bytes(int from) {
    std::uint64_t size = 0;
    check(MPI_Recv(&size, 1, MPI_UINT64_T, from, tag_size, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
    std::string bytes(size, '\0');
    for (std::size_t at = 0; at < bytes.size(); at += max_piece) {
        const int n = static_cast<int>(std::min(max_piece, bytes.size() - at));
        check(MPI_Recv(bytes.data() + at, n, MPI_BYTE, from, tag_bytes, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
    }
    return bytes;
}

} // namespace

MpiWorld::MpiWorld(int& argc, char**& argv) {
    int provided = 0;
    check(MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    // Errors come back as codes, to be reported as kg::Error, not as an abort inside MPI.
    check(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
    if (provided < MPI_THREAD_FUNNELED) throw Error(Errc::distributed, "this MPI library cannot be used by a threaded program");
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
}

MpiWorld::~MpiWorld() { MPI_Finalize(); }

int MpiWorld::max_over_ranks(int value) const {
    int out = value;
    check(MPI_Allreduce(&value, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD), "MPI_Allreduce");
    return out;
}

std::string MpiWorld::broadcast_from_root(const std::string& text) const {
    std::uint64_t size = text.size();
    check(MPI_Bcast(&size, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "MPI_Bcast");
    std::string out = rank_ == 0 ? text : std::string(size, '\0');
    for (std::size_t at = 0; at < out.size(); at += max_piece) {
        const int n = static_cast<int>(std::min(max_piece, out.size() - at));
        check(MPI_Bcast(out.data() + at, n, MPI_BYTE, 0, MPI_COMM_WORLD), "MPI_Bcast");
    }
    return out;
}

std::optional<std::string> MpiWorld::reduce_to_root(std::string payload,
                                                    const std::function<std::string(std::string, std::string)>& combine) const {
    for (int step = 1; step < size_; step *= 2) {
        if (rank_ % (2 * step) != 0) {
            send_bytes(payload, rank_ - step);
            return std::nullopt;
        }
        if (rank_ + step < size_) payload = combine(std::move(payload), receive_bytes(rank_ + step));
    }
    return payload;
}

void MpiWorld::abort(int status) const {
    MPI_Abort(MPI_COMM_WORLD, status);
    std::_Exit(status);
}

WorkSharing::WorkSharing(const MpiWorld& world, std::uint64_t total) : world_(world), total_(total) {
    if (world_.rank() == 0)
        still_working_ = world_.size() - 1;
    else
        pending_ = new MPI_Request[2];
}

WorkSharing::~WorkSharing() { delete[] static_cast<MPI_Request*>(pending_); }

std::pair<std::uint64_t, std::uint64_t> WorkSharing::take_chunk() {
    const std::uint64_t left = total_ - next_;
    const std::uint64_t share = std::max<std::uint64_t>(1, left / (4 * static_cast<std::uint64_t>(world_.size())));
    const std::uint64_t first = next_;
    next_ += std::min(share, left);
    return {first, next_};
}

void WorkSharing::answer(int rank) {
    const auto chunk = next_ < total_ ? take_chunk() : std::pair<std::uint64_t, std::uint64_t>{total_, total_};
    const std::uint64_t reply[2] = {chunk.first, chunk.second};
    check(MPI_Send(reply, 2, MPI_UINT64_T, rank, tag_chunk, MPI_COMM_WORLD), "MPI_Send");
    if (chunk.first == chunk.second) --still_working_;
}

void WorkSharing::serve() {
    if (world_.rank() != 0) return;
    for (;;) {
        int arrived = 0;
        MPI_Status status;
        check(MPI_Iprobe(MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &arrived, &status), "MPI_Iprobe");
        if (!arrived) return;
        check(MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, tag_request, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
        answer(status.MPI_SOURCE);
    }
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> WorkSharing::next() {
    if (world_.rank() == 0) {
        serve();
        if (next_ >= total_) return std::nullopt;
        return take_chunk();
    }
    auto* requests = static_cast<MPI_Request*>(pending_);
    auto ask = [&] {
        check(MPI_Isend(nullptr, 0, MPI_BYTE, 0, tag_request, MPI_COMM_WORLD, &requests[0]), "MPI_Isend");
        check(MPI_Irecv(reply_, 2, MPI_UINT64_T, 0, tag_chunk, MPI_COMM_WORLD, &requests[1]), "MPI_Irecv");
        asked_ = true;
    };
    if (!asked_) ask();
    check(MPI_Waitall(2, requests, MPI_STATUSES_IGNORE), "MPI_Waitall");
    asked_ = false;
    const std::pair<std::uint64_t, std::uint64_t> chunk{reply_[0], reply_[1]};
    if (chunk.first == chunk.second) return std::nullopt;
    // Ask for the next chunk now, so that it is there when this one is done.
    ask();
    return chunk;
}

void WorkSharing::finish() {
    if (world_.rank() != 0) return;
    while (still_working_ > 0) {
        MPI_Status status;
        check(MPI_Recv(nullptr, 0, MPI_BYTE, MPI_ANY_SOURCE, tag_request, MPI_COMM_WORLD, &status), "MPI_Recv");
        answer(status.MPI_SOURCE);
    }
}

#endif

} // namespace kg::cli
