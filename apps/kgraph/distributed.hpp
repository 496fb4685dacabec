// SPDX-License-Identifier: Apache-2.0
#pragma once
// The MPI transport of a distributed build (`mpirun -np N kgraph build ...`), built when CMake
// finds MPI (KG_WITH_MPI). It knows nothing of graphs: it shares out the indices of a listing
// among the ranks and reduces byte strings in a tree; the command line wires partial graphs
// through it. Every MPI error becomes a kg::Error with code Errc::distributed here, and only
// here.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace kg::cli {

/// Whether this process was started by an MPI launcher (mpirun, srun with PMI): the
/// launcher's environment variables are set.
bool launched_by_mpi();

#ifdef KG_WITH_MPI

/// MPI_COMM_WORLD for the lifetime of the object: initialised in the constructor (threads
/// funnelled: only the thread that made it calls MPI), finalised in the destructor.
class MpiWorld {
public:
    MpiWorld(int& argc, char**& argv);
    ~MpiWorld();
    MpiWorld(const MpiWorld&) = delete;
    MpiWorld& operator=(const MpiWorld&) = delete;

    int rank() const noexcept { return rank_; }
    int size() const noexcept { return size_; }

    /// The largest of every rank's `value` (a collective: every rank calls it).
    int max_over_ranks(int value) const;

    /// Rank 0's `text` on every rank (a collective).
    std::string broadcast_from_root(const std::string& text) const;

    /// Fold every rank's `payload` into rank 0 along a binomial tree (log2(size) rounds): a
    /// rank receives from its children in rank order and calls `combine(own, received)`, then
    /// sends the result to its parent. Returns the fold on rank 0, nothing elsewhere. A
    /// collective; `combine` must be associative for the result not to depend on the tree.
    std::optional<std::string> reduce_to_root(std::string payload,
                                              const std::function<std::string(std::string, std::string)>& combine) const;

    /// Stop every rank of the job with `status`, after a failure on this one.
    [[noreturn]] void abort(int status) const;

private:
    int rank_ = 0;
    int size_ = 1;
};

/// Dynamic sharing of the indices [0, total) among the ranks, in chunks: rank 0 hands them
/// out on request and works on chunks of its own between requests; the others ask for their
/// next chunk while they work on the current one, so that a rank with long articles never
/// holds the others up. Chunks shrink as the work runs out (a quarter of what is left per
/// rank, at least one index), so the last ones are short. A chunk is given once, to one
/// rank; which rank gets it never changes the result of a build.
class WorkSharing {
public:
    WorkSharing(const MpiWorld& world, std::uint64_t total);
    ~WorkSharing();
    WorkSharing(const WorkSharing&) = delete;
    WorkSharing& operator=(const WorkSharing&) = delete;

    /// This rank's next chunk [first, second), or nothing when the work is done.
    std::optional<std::pair<std::uint64_t, std::uint64_t>> next();

    /// On rank 0: answer the requests that have arrived (call it between documents). Elsewhere
    /// it does nothing.
    void serve();

    /// On rank 0, once its own work is done: answer until every other rank has been told the
    /// work is done. Elsewhere it does nothing. Every rank must call it before the reduction.
    void finish();

private:
    std::pair<std::uint64_t, std::uint64_t> take_chunk();
    void answer(int rank);

    const MpiWorld& world_;
    std::uint64_t total_, next_ = 0;
    int still_working_ = 0;                ///< rank 0: ranks not yet told the work is done
    bool asked_ = false;                   ///< others: a request is in flight
    std::uint64_t reply_[2] = {0, 0};      ///< others: where the reply to it lands
    void* pending_ = nullptr;              ///< others: the request handles (MPI_Request[2])
};

#endif

} // namespace kg::cli
