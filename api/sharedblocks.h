#pragma once

#include <QArrayDataPointer>
#include <QtGlobal>

#include <algorithm>
#include <type_traits>
#include <utility>

/// Storage for many small arrays of trivial elements (the strings and turns of one page of
/// sessions) carved out of a few large blocks, each array an ordinary implicitly shared Qt
/// container that counts a reference on its block. A page of 200 sessions otherwise costs about
/// 1,700 allocations and as many frees, most of them on another thread than the allocation:
/// a tenth of a full fetch's CPU time. Decoding alone on one thread (bench_decode), every array
/// in an allocation of its own costs 2 to 10% more time.
///
/// Each container behaves as if it owned its storage: while anything else holds the block, a
/// change detaches it; once it is the last holder, the rest of the block is unused and it may
/// grow into it. A block lives until the last array in it is gone, so one array kept from a
/// page keeps at most one block alive; blocks are small for that reason, and an array larger
/// than a quarter of a block gets an allocation of its own.
template<typename T> class SharedBlocks
{
    // QArrayData and QArrayDataPointer are used beyond their documented API here; Qt 6 has kept
    // them stable, and tst_sharedblocks checks what this relies on. A new major version of Qt
    // must be checked against them before this compiles.
    static_assert(QT_VERSION < QT_VERSION_CHECK(7, 0, 0), "check SharedBlocks against Qt 7");
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "a block is freed by whichever array goes last, without running destructors");

public:
    using Data = QTypedArrayData<T>;
    using Pointer = QArrayDataPointer<T>;

    /// `terminated`: each array is followed by T{}, as QString and QByteArray expect.
    explicit SharedBlocks(qsizetype blockCapacity, bool terminated)
        : m_capacity(blockCapacity)
        , m_terminator(terminated ? 1 : 0)
    {}
    ~SharedBlocks() { drop(); }
    Q_DISABLE_COPY_MOVE(SharedBlocks)

    /// Room for `size` elements, to be written before take(size) is called.
    [[nodiscard]] T *reserve(qsizetype size)
    {
        const qsizetype needed = size + m_terminator;
        if (needed > m_capacity / 4) {
            drop(m_own);
            m_own = Data::allocate(needed);
            return m_own.second;
        }
        if (!m_block.first || m_used + needed > m_capacity) {
            drop(m_block);
            m_block = Data::allocate(m_capacity);
            m_used = 0;
        }
        return m_block.second + m_used;
    }

    /// An array holding a copy of `size` elements.
    [[nodiscard]] Pointer copyOf(const T *data, qsizetype size)
    {
        std::copy_n(data, size, reserve(size));
        return take(size);
    }

    /// The array of the `size` elements just written where reserve() said.
    [[nodiscard]] Pointer take(qsizetype size)
    {
        if (m_own.first) {
            const auto own = std::exchange(m_own, {});
            if (m_terminator)
                own.second[size] = T{};
            return Pointer(own.first, own.second, size); // the allocation's only reference
        }
        T *begin = m_block.second + m_used;
        if (m_terminator)
            begin[size] = T{};
        m_used += size + m_terminator;
        m_block.first->ref();
        return Pointer(m_block.first, begin, size);
    }

private:
    using Block = QPair<Data *, T *>;

    void drop()
    {
        drop(m_block);
        drop(m_own);
    }
    static void drop(Block &block)
    {
        if (block.first && !block.first->deref())
            Data::deallocate(block.first);
        block = {};
    }

    qsizetype m_capacity;
    qsizetype m_terminator;
    Block m_block{}; ///< the block being filled; this holds one reference to it
    qsizetype m_used = 0;
    Block m_own{}; ///< a reserved array too large for a block, until it is taken
};
