//! The global allocator of the binary, the benchmarks and the profiling examples: mimalloc,
//! called the way std's own allocator calls `malloc`.
//!
//! The `mimalloc` crate hands every allocation to `mi_malloc_aligned`. In mimalloc 3 that call
//! takes a slow path (about 200 instructions, and a block of a larger size class) whenever
//! the size class it would use has no free block at hand and the size is not a power of
//! two: 400,000 times in an audit of 1,000 articles, about 2% of its instructions. Plain
//! `mi_malloc` has no such path, and every block it returns is aligned to a machine word,
//! which is all nearly every allocation asks for.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// An alignment every mimalloc block has: blocks are whole machine words from an aligned page
/// start (mimalloc asserts more, as `malloc` promises: blocks of 16 bytes or more are aligned
/// to 16; the word is enough for nearly every allocation and needs no argument on sizes).
const WORD_ALIGNMENT: usize = std::mem::size_of::<usize>();

/// mimalloc, asked for an aligned block only when a word's alignment is not enough.
pub struct Mimalloc;

// SAFETY: every pointer comes from mimalloc, which returns null or a block of at least the
// size asked for; the plain calls are used only for alignments every block has
// (`WORD_ALIGNMENT`), the aligned calls otherwise; `mi_free` and `mi_realloc*` accept any
// pointer mimalloc returned, however it was allocated.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGNMENT {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD_ALIGNMENT {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        libmimalloc_sys::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD_ALIGNMENT {
            libmimalloc_sys::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
                .cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size class up to a few pages, at every alignment up to a page, grown
    /// and shrunk: each must be aligned as asked and keep its bytes.
    #[test]
    fn every_block_is_aligned_as_asked_and_keeps_its_bytes() {
        let allocator = Mimalloc;
        let sizes = (1..=600).chain((601..=70_000).step_by(997));
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: the layout has a non-zero size; each block is freed once, with the
                // layout it has at that point.
                unsafe {
                    let block = allocator.alloc(layout);
                    assert!(!block.is_null(), "size {size}, align {align}");
                    assert_eq!(block as usize % align, 0, "size {size}, align {align}");
                    std::ptr::write_bytes(block, 0xA5, size);
                    let grown = allocator.realloc(block, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "grown {size}, align {align}");
                    assert_eq!(*grown.add(size - 1), 0xA5, "size {size}, align {align}");
                    let zeroed = allocator.alloc_zeroed(layout);
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size}, align {align}");
                    assert_eq!(*zeroed.add(size - 1), 0, "zeroed {size}, align {align}");
                    allocator.dealloc(zeroed, layout);
                    let grown_layout = Layout::from_size_align(size * 3, align)
                        .expect("three times a small size is a valid layout");
                    allocator.dealloc(grown, grown_layout);
                }
            }
        }
    }
}
