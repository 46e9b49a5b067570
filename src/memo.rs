//! Answers remembered per thread and per language, for work that the same words ask for
//! again and again (a name's anchor, the name in a glossary match). Each memory has a cap
//! and starts afresh when it is full, so an archive audit's memory stays bounded.

use crate::hashing::FastMap;
use crate::lang::Lang;
use std::cell::RefCell;
use std::thread::LocalKey;

/// One thread's memory: per language, answers by the word or text they were asked for.
pub type Memory<V> = RefCell<[FastMap<Box<str>, V>; Lang::ALL.len()]>;

/// The answer remembered for `key` in `lang`, or `compute`'s, then remembered.
pub fn remembered<V: Clone + 'static>(
    memory: &'static LocalKey<Memory<V>>,
    lang: Lang,
    key: &str,
    capacity: usize,
    compute: impl FnOnce() -> V,
) -> V {
    let slot = lang.index();
    if let Some(known) = memory.with(|memory| memory.borrow().get(slot)?.get(key).cloned()) {
        return known;
    }
    // Computed outside the borrow: the computation may remember answers of its own.
    let value = compute();
    memory.with(|memory| {
        if let Some(known) = memory.borrow_mut().get_mut(slot) {
            if known.len() >= capacity {
                known.clear();
            }
            known.insert(key.into(), value.clone());
        }
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: Memory<usize> = Default::default();
    }

    #[test]
    fn answers_are_kept_apart_by_language_and_forgotten_when_full() {
        let computed = std::cell::Cell::new(0);
        let length = |word: &str, lang: Lang| {
            remembered(&LENGTHS, lang, word, 2, || {
                computed.set(computed.get() + 1);
                word.len()
            })
        };
        assert_eq!(length("Київ", Lang::Uk), 8);
        assert_eq!(length("Київ", Lang::Uk), 8);
        assert_eq!(length("Київ", Lang::Ru), 8);
        assert_eq!(
            computed.get(),
            2,
            "asked again in Ukrainian, the answer was remembered"
        );
        length("Львів", Lang::Uk);
        length("Одеса", Lang::Uk);
        length("Київ", Lang::Uk);
        assert_eq!(computed.get(), 5, "the full memory started afresh");
    }
}
