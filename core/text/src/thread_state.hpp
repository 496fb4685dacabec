// SPDX-License-Identifier: Apache-2.0
#pragma once
// Per-thread state (ICU iterators, stemmers and their caches) without a C++ thread_local
// that has a destructor: registering such a destructor allocates, and when that allocation
// fails glibc aborts the whole process ("failed to register TLS destructor") instead of
// letting the caller see std::bad_alloc and skip one document. A POSIX thread-specific key
// holds the object instead (no allocation for the first 32 keys), and its destructor frees
// the object when the thread ends.
#include <pthread.h>

#include <memory>
#include <new>

namespace kg::detail {

/// The calling thread's T, default-constructed on first use. Throws std::bad_alloc when it
/// cannot be made; never aborts.
template <class T>
T& thread_state() {
    static const pthread_key_t key = [] {
        pthread_key_t k;
        if (pthread_key_create(&k, [](void* p) { delete static_cast<T*>(p); }) != 0) throw std::bad_alloc();
        return k;
    }();
    if (void* p = pthread_getspecific(key)) return *static_cast<T*>(p);
    auto owned = std::make_unique<T>();
    if (pthread_setspecific(key, owned.get()) != 0) throw std::bad_alloc();
    return *owned.release();
}

} // namespace kg::detail
