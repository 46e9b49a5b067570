#![doc = include_str!("name.md")]

use super::compare::{join_langs, GroupView};
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::facts::names::{self, Analysis, Name, NameMatching};
use crate::glossary::{Found, Glossary, Match};
use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use std::borrow::Cow;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("name.md");

/// A name together with the paragraph it stands in: borrowed from the paragraph's analysis
/// unless the glossary added it. What the check learns of the name (its glossary entry, that
/// it is confident) is kept here, not in a copy of the name.
#[derive(Clone)]
struct Located<'a> {
    name: Cow<'a, Name>,
    /// The glossary entry the name is an occurrence of (the name's own, or a match over it).
    entry: Option<usize>,
    /// The name's own, or true when the glossary or another name of the group says it is one.
    confident: bool,
    paragraph: &'a Paragraph,
}

impl<'a> Located<'a> {
    fn new(name: Cow<'a, Name>, paragraph: &'a Paragraph) -> Located<'a> {
        Located {
            entry: name.entry,
            confident: name.confident,
            name,
            paragraph,
        }
    }

    /// True when the two are the same name (see [`NameMatching::names_match`]).
    fn same_name(&self, other: &Located, matching: NameMatching) -> bool {
        matching.names_match_as(&self.name, self.entry, &other.name, other.entry)
    }
}

/// What one language of a group mentions.
struct Version<'a> {
    names: Vec<Located<'a>>,
    words: Vec<&'a names::Word>,
}

/// A paragraph of the group with what the glossary finds in it and its names.
struct Read<'a> {
    paragraph: &'a Paragraph,
    glossary_found: Cow<'a, Found>,
    analysis: Cow<'a, Analysis>,
}

/// How a name of one version appears in another.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Presence {
    /// As the name at this index of the other version's names.
    Named(usize),
    /// As another word: an adjective made from it, a lowercase form.
    Worded,
    Absent,
}

/// One name some versions of a group have and others lack.
struct Slot {
    /// The versions that have it: the index of the name they use, or `None` when they have
    /// it as another word.
    has: BTreeMap<Lang, Option<usize>>,
    /// The versions that lack it.
    lacks: Vec<Lang>,
    /// For a replaced name, what each lacking version says instead.
    instead: BTreeMap<Lang, usize>,
}

impl Slot {
    fn is_replacement(&self) -> bool {
        !self.instead.is_empty()
    }
}

/// The versions of a group in language order (the order findings name them in), each once:
/// a group has at most three, and a map for them cost more than the lookups it serves.
struct Versions<'a> {
    by_lang: Vec<(Lang, Version<'a>)>,
}

impl<'a> Versions<'a> {
    fn get(&self, lang: &Lang) -> Option<&Version<'a>> {
        self.by_lang
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, version)| version)
    }

    fn iter(&self) -> impl Iterator<Item = (&Lang, &Version<'a>)> {
        self.by_lang.iter().map(|(lang, version)| (lang, version))
    }
}

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    if group.present.len() < 2 {
        return Vec::new();
    }
    let matching = options.name_matching;
    let mut read: Vec<(Lang, Vec<Read>)> = group
        .present
        .iter()
        .map(|&lang| (lang, read(group, lang, &options.glossary)))
        .collect();
    read.sort_by_key(|(lang, _)| *lang);
    read.dedup_by_key(|(lang, _)| *lang);
    let versions = Versions {
        by_lang: read
            .iter()
            .map(|(lang, paragraphs)| {
                let version = version(paragraphs, *lang, &options.glossary, matching);
                (*lang, version)
            })
            .collect(),
    };
    let slots = pair_replacements(&versions, slots(&versions, matching), matching);
    slots
        .iter()
        .map(|slot| finding(group, &versions, slot, options))
        .collect()
}

/// The paragraphs of `lang` in the group, with what the glossary finds in each and their
/// names (found once per article when the article was checked).
fn read<'a>(group: &GroupView<'a>, lang: Lang, glossary: &Glossary) -> Vec<Read<'a>> {
    group
        .each_reading(lang, glossary)
        .map(|(paragraph, glossary_found, analysis)| Read {
            paragraph,
            glossary_found,
            analysis,
        })
        .collect()
}

/// The names and words of `lang` in the group, with glossary names marked.
fn version<'a>(
    paragraphs: &'a [Read],
    lang: Lang,
    glossary: &Glossary,
    matching: NameMatching,
) -> Version<'a> {
    let mut located = Vec::with_capacity(paragraphs.iter().map(|r| r.analysis.names.len()).sum());
    let mut words = Vec::with_capacity(paragraphs.iter().map(|r| r.analysis.words.len()).sum());
    for read in paragraphs {
        let from = located.len();
        located.extend(
            read.analysis
                .names
                .iter()
                .map(|name| Located::new(Cow::Borrowed(name), read.paragraph)),
        );
        mark_glossary_names(
            &mut located,
            from,
            &read.glossary_found.terms,
            glossary,
            lang,
            read.paragraph,
        );
        words.extend(&read.analysis.words);
    }
    // A name capitalized only by position ("Warren replied.") is a name when the same word is
    // a name elsewhere in the group. Decided on the names as found, then marked.
    let named_elsewhere: Vec<usize> = located
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            !l.confident
                && located
                    .iter()
                    .filter(|c| c.confident)
                    .any(|c| c.same_name(l, matching))
        })
        .map(|(i, _)| i)
        .collect();
    for i in named_elsewhere {
        if let Some(l) = located.get_mut(i) {
            l.confident = true;
        }
    }
    Version {
        names: located,
        words,
    }
}

/// Marks the names of one paragraph (`located[from..]`) that are glossary names and adds the
/// glossary names the extractor did not see (a lowercase form, a name that starts a
/// sentence), keeping the paragraph's names in text order. A glossary name is always
/// confident: the glossary says it is a name.
fn mark_glossary_names<'a>(
    located: &mut Vec<Located<'a>>,
    from: usize,
    matches: &[Match],
    glossary: &Glossary,
    lang: Lang,
    paragraph: &'a Paragraph,
) {
    for m in matches {
        if !glossary.is_name_entry(m.entry) {
            continue;
        }
        let mut overlapping = false;
        for l in located
            .iter_mut()
            .skip(from)
            .filter(|l| l.name.start < m.end && m.start < l.name.end)
        {
            l.entry = Some(m.entry);
            l.confident = true;
            overlapping = true;
        }
        if overlapping {
            continue;
        }
        let (words, concepts, acronym) = match name_in_match(&m.text, lang) {
            Some(extracted) => (extracted.words, extracted.concepts, extracted.acronym),
            None => (Vec::new(), Vec::new(), false),
        };
        let name = Name {
            start: m.start,
            end: m.end,
            // The match's text is the paragraph's characters `m.start..m.end`.
            text: m.text.clone(),
            words,
            concepts,
            acronym,
            confident: true,
            entry: Some(m.entry),
        };
        located.push(Located::new(Cow::Owned(name), paragraph));
    }
    if let Some(names) = located.get_mut(from..) {
        let in_order = |l: &Located| (l.name.start, l.name.end);
        // A stable sort leaves names already in order as they are: only sort when needed.
        if !names.is_sorted_by_key(in_order) {
            names.sort_by_key(in_order);
        }
    }
}

/// The first name the extractor reads in the words of a glossary match, remembered per thread:
/// the same glossary names ("США", "Сили оборони") come back in paragraph after paragraph.
fn name_in_match(text: &str, lang: Lang) -> Option<Name> {
    thread_local! {
        static NAMES: crate::memo::Memory<Option<Name>> = Default::default();
    }
    crate::memo::remembered(&NAMES, lang, text, 10_000, || {
        names::analyze(text, lang).names.into_iter().next()
    })
}

/// How `name` appears in `version`, preferring a name not yet used by another slot.
fn presence(name: &Located, version: &Version, used: &[bool], matching: NameMatching) -> Presence {
    presence_by(name, version, used, matching, |i| {
        version
            .names
            .get(i)
            .is_some_and(|other| name.same_name(other, matching))
    })
}

/// [`presence`], with `is_same` telling which names of `version` are `name`: asked first of
/// the names not yet used, in order, and only when none is the name, of the used ones, in
/// order (each at most once). A name already used matters only then, and most names a group
/// compares are used by the time they are compared.
fn presence_by(
    name: &Located,
    version: &Version,
    used: &[bool],
    matching: NameMatching,
    mut is_same: impl FnMut(usize) -> bool,
) -> Presence {
    let is_used = |i: usize| used.get(i).copied().unwrap_or(true);
    let names = 0..version.names.len();
    let unused = names.clone().filter(|&i| !is_used(i));
    let used_ones = names.filter(|&i| is_used(i));
    if let Some(i) = unused.chain(used_ones).find(|&i| is_same(i)) {
        return Presence::Named(i);
    }
    if version
        .words
        .iter()
        .any(|w| matching.word_matches(&name.name, w))
    {
        Presence::Worded
    } else {
        Presence::Absent
    }
}

/// One slot per confident name that some version lacks. Names of any version that match a
/// name already considered are not considered again.
fn slots(versions: &Versions, matching: NameMatching) -> Vec<Slot> {
    let mut used: Vec<Vec<bool>> = versions
        .iter()
        .map(|(_, v)| vec![false; v.names.len()])
        .collect();
    // For the name considered, which names of each version are the same name: asked once
    // per pair, for its presence in the other versions and for marking them used.
    let mut same: Vec<Vec<bool>> = used.clone();
    let mut slots = Vec::new();
    for (position, (&lang, version)) in versions.iter().enumerate() {
        for (index, located) in version.names.iter().enumerate() {
            let already = used.get(position).and_then(|u| u.get(index)) == Some(&true);
            if !located.confident || already {
                continue;
            }
            // A name already used stays used whatever it is compared to: compared here only
            // when not yet used, and below only when presence needs it.
            for (o, (((_, v), row), used_row)) in
                versions.iter().zip(same.iter_mut()).zip(&used).enumerate()
            {
                for (i, ((flag, other), &was_used)) in
                    row.iter_mut().zip(&v.names).zip(used_row).enumerate()
                {
                    // The name itself is marked used below whatever it is compared to.
                    *flag = !was_used
                        && (o, i) != (position, index)
                        && located.same_name(other, matching);
                }
            }
            let mut has = BTreeMap::new();
            let mut lacks = Vec::new();
            has.insert(lang, Some(index));
            for (o, (&other, other_version)) in versions.iter().enumerate() {
                if other == lang {
                    continue;
                }
                let other_used = used.get(o).map_or(&[][..], Vec::as_slice);
                let other_same = same.get(o).map_or(&[][..], Vec::as_slice);
                let is_same = |i: usize| {
                    if other_used.get(i).copied().unwrap_or(true) {
                        other_version
                            .names
                            .get(i)
                            .is_some_and(|other| located.same_name(other, matching))
                    } else {
                        other_same.get(i).copied().unwrap_or(false)
                    }
                };
                match presence_by(located, other_version, other_used, matching, is_same) {
                    Presence::Named(i) => {
                        has.insert(other, Some(i));
                    }
                    Presence::Worded => {
                        has.insert(other, None);
                    }
                    Presence::Absent => lacks.push(other),
                }
            }
            for (o, (&l, row)) in versions
                .iter()
                .map(|(l, _)| l)
                .zip(used.iter_mut())
                .enumerate()
            {
                let named_here = has.get(&l).copied().flatten();
                let same_row = same.get(o).map_or(&[][..], Vec::as_slice);
                for (i, flag) in row.iter_mut().enumerate() {
                    if named_here == Some(i) || same_row.get(i).copied().unwrap_or(false) {
                        *flag = true;
                    }
                }
            }
            if !lacks.is_empty() {
                slots.push(Slot {
                    has,
                    lacks,
                    instead: BTreeMap::new(),
                });
            }
        }
    }
    slots
}

/// Pairs a name some versions have and the others lack with a name only those others have:
/// "ru says Медведев where en and uk say Putin" is one finding, not two. Only names named
/// outright (not as an adjective) pair, and only when they are related (they share a word:
/// "Кім Чен Ин" / "Кім Чен Ір") or are the only such pair of the group.
fn pair_replacements(versions: &Versions, slots: Vec<Slot>, matching: NameMatching) -> Vec<Slot> {
    let named_only = |slot: &Slot| slot.has.values().all(Option::is_some);
    let acronym = |slot: &Slot| {
        slot.has
            .iter()
            .find_map(|(&l, i)| name_of(versions, l, (*i)?))
            .map(|l| l.name.acronym)
    };
    let complementary = |a: &Slot, b: &Slot| {
        acronym(a) == acronym(b)
            && named_only(a)
            && named_only(b)
            && b.has.keys().copied().collect::<Vec<_>>() == a.lacks
            && a.has.keys().copied().collect::<Vec<_>>() == b.lacks
    };
    let names = |slot: &Slot| -> Vec<&Name> {
        slot.has
            .iter()
            .filter_map(|(&l, i)| name_of(versions, l, (*i)?))
            .map(|l| &*l.name)
            .collect()
    };
    let related = |a: &Slot, b: &Slot| {
        names(a)
            .iter()
            .any(|x| names(b).iter().any(|y| matching.names_related(x, y)))
    };
    let mut pending: Vec<Option<Slot>> = slots.into_iter().map(Some).collect();
    let mut result = Vec::new();
    for i in 0..pending.len() {
        let Some(mut slot) = pending.get_mut(i).and_then(Option::take) else {
            continue;
        };
        let candidates: Vec<usize> = pending
            .iter()
            .enumerate()
            .filter(|(_, other)| other.as_ref().is_some_and(|o| complementary(&slot, o)))
            .map(|(j, _)| j)
            .collect();
        let rivals = pending
            .iter()
            .flatten()
            .filter(|other| {
                candidates
                    .iter()
                    .filter_map(|&j| pending.get(j).and_then(Option::as_ref))
                    .any(|c| complementary(other, c))
            })
            .count();
        let partner = candidates
            .iter()
            .copied()
            .find(|&j| {
                pending
                    .get(j)
                    .and_then(Option::as_ref)
                    .is_some_and(|o| related(&slot, o))
            })
            .or_else(|| match candidates.as_slice() {
                [only] if rivals == 0 => pending
                    .get(*only)
                    .and_then(Option::as_ref)
                    .is_some_and(|o| {
                        (place(versions, &slot) - place(versions, o)).abs() <= MAX_PLACE_SHIFT
                    })
                    .then_some(*only),
                _ => None,
            });
        if let Some(other) = partner
            .and_then(|j| pending.get_mut(j))
            .and_then(Option::take)
        {
            slot.instead = other
                .has
                .into_iter()
                .filter_map(|(l, i)| Some((l, i?)))
                .collect();
        }
        result.push(slot);
    }
    result.retain(|slot| reportable(versions, slot, matching));
    result
}

/// How far through its paragraph (0 to 1) a name may move in translation and still be taken
/// for the name it replaces, when the two names share no word.
const MAX_PLACE_SHIFT: f64 = 0.25;

/// Where a slot's names stand in their paragraphs, from 0 (start) to 1 (end), on average.
fn place(versions: &Versions, slot: &Slot) -> f64 {
    let places: Vec<f64> = slot
        .has
        .iter()
        .filter_map(|(&l, i)| name_of(versions, l, (*i)?))
        .map(|l| l.name.start as f64 / l.paragraph.char_len().max(1) as f64)
        .collect();
    places.iter().sum::<f64>() / places.len().max(1) as f64
}

/// Whether a slot is evidence enough to report. English names are spelled and their
/// Ukrainian and Russian forms written as they sound, irregularly ("Worcestershire" /
/// "Вустерширі", "Beijing" / "Пекін"), and capitalized English phrases are translated
/// ("Senate Judiciary Committee" / "Юридичний комітет Сенату"); Ukrainian and Russian forms
/// of one name are alike. So a name one version lacks is reported when the Ukrainian and
/// Russian versions disagree about it, when a replacing name is related to the replaced one
/// ("Bohdan Babenko" for "Богдан Бабаєв"), or when it is a glossary name.
fn reportable(versions: &Versions, slot: &Slot, matching: NameMatching) -> bool {
    let side = |lang: Lang| -> Option<bool> {
        if slot.has.contains_key(&lang) {
            Some(true)
        } else if slot.lacks.contains(&lang) {
            Some(false)
        } else {
            None
        }
    };
    // Checked afresh between the two: the slot's sides were judged against its first name,
    // which may be English ("Reeher" is unlike "Риер", but "Рігер" is like it).
    let absent_from = |from: Lang, to: Lang| {
        let name = slot
            .has
            .get(&from)
            .copied()
            .flatten()
            .and_then(|i| name_of(versions, from, i));
        match (name, versions.get(&to)) {
            (Some(located), Some(version)) => {
                presence(located, version, &[], matching) == Presence::Absent
            }
            _ => true,
        }
    };
    let cyrillic_disagree = match (side(Lang::Uk), side(Lang::Ru)) {
        (Some(true), Some(false)) => absent_from(Lang::Uk, Lang::Ru),
        (Some(false), Some(true)) => absent_from(Lang::Ru, Lang::Uk),
        _ => false,
    };
    let mentioned: Vec<&Located> = slot
        .has
        .iter()
        .filter_map(|(&l, i)| name_of(versions, l, (*i)?))
        .chain(
            slot.instead
                .iter()
                .filter_map(|(&l, &i)| name_of(versions, l, i)),
        )
        .collect();
    let glossary_name = mentioned.iter().any(|l| l.entry.is_some());
    let related_replacement = slot.is_replacement()
        && slot.has.iter().any(|(&l, i)| {
            i.and_then(|i| name_of(versions, l, i)).is_some_and(|a| {
                slot.instead.iter().any(|(&m, &j)| {
                    name_of(versions, m, j)
                        .is_some_and(|b| matching.names_related(&a.name, &b.name))
                })
            })
        });
    // A replacing name that one of the versions having the name matches is no replacement:
    // the English form was only unlike one of two Cyrillic spellings.
    let contradicted = slot.has.iter().any(|(&l, i)| {
        i.and_then(|i| name_of(versions, l, i)).is_some_and(|a| {
            slot.instead
                .iter()
                .any(|(&m, &j)| name_of(versions, m, j).is_some_and(|b| a.same_name(b, matching)))
        })
    });
    // The version alone with its name, if Ukrainian or Russian, must not share it with the
    // other Cyrillic version: "Ларрі Джайлз" is no replacement where ru has "Ларри Джайлз".
    let lone: Option<(Lang, usize)> = match (slot.has.len(), slot.instead.len()) {
        (1, _) => slot.has.iter().find_map(|(&l, i)| Some((l, (*i)?))),
        (_, 1) => slot.instead.iter().next().map(|(&l, &i)| (l, i)),
        _ => None,
    };
    let cyrillic_confirms = lone.is_none_or(|(odd, index)| {
        let other = match odd {
            Lang::Uk => Lang::Ru,
            Lang::Ru => Lang::Uk,
            Lang::En => return true,
        };
        match (name_of(versions, odd, index), versions.get(&other)) {
            (Some(located), Some(version)) => {
                presence(located, version, &[], matching) == Presence::Absent
            }
            _ => true,
        }
    });
    !contradicted
        && cyrillic_confirms
        && !translated_acronym(versions, slot, matching)
        && (cyrillic_disagree || related_replacement || glossary_name)
}

/// Acronyms are translated, not transliterated, and differently in Ukrainian and Russian
/// ("HIV" / "ВІЛ" / "ВИЧ", "ISIS" / "ІДІЛ" / "ИГИЛ"): an acronym one version lacks is not
/// reported when that version has an acronym of its own that the others do not match.
fn translated_acronym(versions: &Versions, slot: &Slot, matching: NameMatching) -> bool {
    let Some(name) = slot
        .has
        .iter()
        .find_map(|(&l, i)| name_of(versions, l, (*i)?))
        .filter(|l| l.name.acronym)
    else {
        return false;
    };
    let having: Vec<&Version> = slot.has.keys().filter_map(|l| versions.get(l)).collect();
    slot.lacks
        .iter()
        .filter_map(|l| versions.get(l))
        .any(|lacking| {
            lacking.names.iter().any(|other| {
                other.name.acronym
                    && !name.same_name(other, matching)
                    && having
                        .iter()
                        .any(|v| presence(other, v, &[], matching) == Presence::Absent)
            })
        })
}

fn name_of<'v>(versions: &'v Versions, lang: Lang, index: usize) -> Option<&'v Located<'v>> {
    versions.get(&lang).and_then(|v| v.names.get(index))
}

/// The language to blame: with a source language, the single version on the other side
/// from it; otherwise, with three versions, the one alone on its side.
fn outlier(slot: &Slot, source: Option<Lang>) -> Option<Lang> {
    let having: Vec<Lang> = slot.has.keys().copied().collect();
    let lacking = &slot.lacks;
    if let Some(source) = source {
        let other_side = if having.contains(&source) {
            lacking.clone()
        } else if lacking.contains(&source) {
            having.clone()
        } else {
            return None;
        };
        return match other_side.as_slice() {
            [single] => Some(*single),
            _ => None,
        };
    }
    if having.len() + lacking.len() != 3 {
        return None;
    }
    match (having.as_slice(), lacking.as_slice()) {
        ([single], _) | (_, [single]) => Some(*single),
        _ => None,
    }
}

fn message(versions: &Versions, slot: &Slot, outlier: Option<Lang>) -> String {
    let text_of = |lang: Lang| -> Option<String> {
        let index = slot
            .has
            .get(&lang)
            .copied()
            .flatten()
            .or_else(|| slot.instead.get(&lang).copied())?;
        name_of(versions, lang, index).map(|l| l.name.text.clone())
    };
    let having: Vec<Lang> = slot.has.keys().copied().collect();
    let shown = having.iter().find_map(|&l| text_of(l)).unwrap_or_default();
    let plural = |langs: &[Lang], one: &str, many: &str| {
        if langs.len() > 1 { many } else { one }.to_string()
    };
    if slot.is_replacement() {
        if let Some(odd) = outlier {
            let others: Vec<Lang> = slot
                .has
                .keys()
                .chain(&slot.lacks)
                .copied()
                .filter(|&l| l != odd)
                .collect();
            let odd_says = text_of(odd).unwrap_or_default();
            let others_say = others.iter().find_map(|&l| text_of(l)).unwrap_or_default();
            return format!(
                "{odd} says {odd_says} where {} {} {others_say}",
                join_langs(&others),
                plural(&others, "says", "say")
            );
        }
        let mut langs: Vec<Lang> = slot.has.keys().chain(&slot.lacks).copied().collect();
        langs.sort();
        return langs
            .iter()
            .map(|&l| format!("{l} says {}", text_of(l).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", ");
    }
    match outlier {
        Some(odd) if slot.lacks.contains(&odd) => format!(
            "{odd} omits {shown}, which {} {}",
            join_langs(&having),
            plural(&having, "states", "state")
        ),
        Some(odd) => {
            let others = &slot.lacks;
            format!(
                "{odd} adds {shown}, which {} {}",
                join_langs(others),
                plural(others, "does not state", "do not state")
            )
        }
        None => format!(
            "{} {} {shown}, which {} {}",
            join_langs(&having),
            plural(&having, "states", "state"),
            join_langs(&slot.lacks),
            plural(&slot.lacks, "does not state", "do not state")
        ),
    }
}

fn finding(group: &GroupView, versions: &Versions, slot: &Slot, options: &CheckOptions) -> Finding {
    let outlier = outlier(slot, options.source);
    let named: Vec<(Lang, &Located)> = slot
        .has
        .iter()
        .filter_map(|(&l, i)| Some((l, name_of(versions, l, (*i)?)?)))
        .chain(
            slot.instead
                .iter()
                .filter_map(|(&l, &i)| Some((l, name_of(versions, l, i)?))),
        )
        .collect();
    let glossary_name = named.iter().any(|(_, l)| l.entry.is_some());
    // A name only one of three versions has, where the two others agree they have none, is
    // most often a translated word one translator capitalized ("Советом", "Іграх
    // Співдружності"): a note to read, not a warning.
    let added = slot.has.len() == 1 && slot.lacks.len() >= 2;
    // A title one translation keeps in Latin letters ("Der Spiegel", "Game of Thrones") and
    // the other translates is not missing from the other.
    let kept_in_latin = named.iter().any(|(lang, l)| {
        *lang != Lang::En
            && l.name
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_ascii())
    });
    let severity = if slot.is_replacement() || glossary_name {
        Severity::Error
    } else if added || kept_in_latin {
        Severity::Note
    } else {
        Severity::Warning
    };
    let mut values: BTreeMap<Lang, Vec<String>> = slot
        .has
        .keys()
        .chain(&slot.lacks)
        .map(|&l| (l, Vec::new()))
        .collect();
    let mut spans = Vec::new();
    for (lang, located) in &named {
        values
            .entry(*lang)
            .or_default()
            .push(located.name.text.clone());
        let pos = located.paragraph.position(located.name.start);
        spans.push(Span {
            lang: *lang,
            line: pos.line,
            column: pos.column,
            text: located.name.text.clone(),
            paragraph: located.paragraph.number,
            start: located.name.start,
            end: located.name.end,
        });
    }
    spans.sort_by_key(|s| s.lang);
    Finding {
        check: Check::Name,
        severity,
        message: message(versions, slot, outlier),
        outlier,
        group: group.index,
        paragraphs: group.paragraph_numbers(),
        values,
        spans,
        detected: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Entry;
    use crate::paragraphs;

    fn glossary() -> Glossary {
        let entry = |forms: [(Lang, &str); 3]| Entry {
            forms: forms
                .into_iter()
                .map(|(l, f)| (l, vec![f.to_string()]))
                .collect(),
            note: None,
        };
        Glossary::from_entries(vec![
            entry([(Lang::En, "Kyiv"), (Lang::Uk, "Київ"), (Lang::Ru, "Киев")]),
            entry([
                (Lang::En, "air defence"),
                (Lang::Uk, "ППО"),
                (Lang::Ru, "ПВО"),
            ]),
        ])
    }

    fn paragraph(text: &str) -> Paragraph {
        paragraphs::split(text, paragraphs::Format::Plain)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no paragraph in {text:?}"))
    }

    /// A match as the glossary reports one: entry, character range, words.
    fn found_at(text: &str, entry: usize, words: &str) -> Match {
        let byte = text.find(words).unwrap_or(0);
        let start = text[..byte].chars().count();
        Match {
            entry,
            start,
            end: start + words.chars().count(),
            text: words.to_string(),
        }
    }

    #[test]
    fn glossary_names_are_marked_and_added() {
        let glossary = glossary();
        // "Києві" is found by the extractor; a sentence-initial "Київ" is not confident.
        let text = "Київ готується. Переговори відновляться в Києві.";
        let extracted = names::extract(text, Lang::Uk);
        assert!(extracted.iter().any(|n| n.text == "Київ" && !n.confident));
        let matches = vec![found_at(text, 0, "Київ"), found_at(text, 0, "Києві")];
        let paragraph = paragraph(text);
        let mut marked: Vec<Located> = extracted
            .into_iter()
            .map(|n| Located::new(Cow::Owned(n), &paragraph))
            .collect();
        mark_glossary_names(&mut marked, 0, &matches, &glossary, Lang::Uk, &paragraph);
        let texts: Vec<(&str, Option<usize>, bool)> = marked
            .iter()
            .map(|l| (l.name.text.as_str(), l.entry, l.confident))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("Київ", Some(0), true),
                ("Переговори", None, false),
                ("Києві", Some(0), true)
            ]
        );
    }

    #[test]
    fn remembered_glossary_names_are_those_read_afresh_in_each_language() {
        for _ in 0..2 {
            for (text, lang) in [
                ("Кім Чен Ин", Lang::Uk),
                ("Ким Чен Ын", Lang::Ru),
                ("Kim Jong Un", Lang::En),
                ("ППО", Lang::Uk),
                ("Сили оборони", Lang::Uk),
                ("Сили оборони", Lang::Ru),
            ] {
                let afresh = names::analyze(text, lang).names.into_iter().next();
                assert_eq!(name_in_match(text, lang), afresh, "{text} {lang:?}");
            }
        }
    }

    #[test]
    fn a_glossary_match_the_extractor_missed_becomes_a_name_and_terms_are_ignored() {
        let glossary = glossary();
        let text = "Сили ППО збили 38 ракет над київськими околицями.";
        let matches = vec![found_at(text, 1, "ППО"), found_at(text, 0, "київськими")];
        let paragraph = paragraph(text);
        let mut marked = Vec::new();
        mark_glossary_names(&mut marked, 0, &matches, &glossary, Lang::Uk, &paragraph);
        // Entry 1 has a lowercase form: a term, the `term` check's job.
        assert_eq!(marked.len(), 1);
        assert_eq!(marked[0].name.text, "київськими");
        assert_eq!(marked[0].entry, Some(0));
        assert_eq!(marked[0].name.entry, Some(0));
        assert!(marked[0].confident);
    }

    #[test]
    fn names_of_one_glossary_entry_match_and_of_two_do_not() {
        let mut kyiv = names::extract("у Києві", Lang::Uk);
        let mut kiev = names::extract("в Киеве", Lang::Ru);
        let (Some(a), Some(b)) = (kyiv.first_mut(), kiev.first_mut()) else {
            panic!("no names");
        };
        a.entry = Some(0);
        b.entry = Some(0);
        assert!(NameMatching::default().names_match(a, b));
        b.entry = Some(1);
        assert!(!NameMatching::default().names_match(a, b));
    }

    #[test]
    fn the_entries_the_check_marks_decide_without_changing_the_names() {
        let kyiv = names::extract("у Києві", Lang::Uk);
        let kiev = names::extract("в Киеве", Lang::Ru);
        let (Some(a), Some(b)) = (kyiv.first(), kiev.first()) else {
            panic!("no names");
        };
        let (in_uk, in_ru) = (paragraph("у Києві"), paragraph("в Киеве"));
        let mut x = Located::new(Cow::Borrowed(a), &in_uk);
        let mut y = Located::new(Cow::Borrowed(b), &in_ru);
        let matching = NameMatching::default();
        assert!(x.same_name(&y, matching));
        x.entry = Some(0);
        y.entry = Some(1);
        assert!(!x.same_name(&y, matching));
        y.entry = Some(0);
        assert!(x.same_name(&y, matching));
        assert!(matches!(x.name, Cow::Borrowed(_)));
        assert_eq!((a.entry, b.entry), (None, None));
    }

    /// The presence the check had before it asked used names last: the first name that is
    /// `name` and not yet used, or else the first that is `name`.
    fn presence_in_one_pass(used: &[bool], same: &[bool]) -> Option<usize> {
        let mut first_named = None;
        for (i, _) in same.iter().enumerate().filter(|(_, &s)| s) {
            if !used.get(i).copied().unwrap_or(true) {
                return Some(i);
            }
            first_named.get_or_insert(i);
        }
        first_named
    }

    #[test]
    fn used_names_are_asked_last_and_presence_is_as_before() {
        let text = "Зеленський, Сибіга, Умєров і Буданов прибули до Вашингтона.";
        let paragraph = paragraph(text);
        let names: Vec<Located> = names::extract(text, Lang::Uk)
            .into_iter()
            .map(|n| Located::new(Cow::Owned(n), &paragraph))
            .collect();
        let texts: Vec<&str> = names.iter().map(|l| l.name.text.as_str()).collect();
        assert_eq!(texts.len(), 5, "{texts:?}");
        let name = names[0].clone();
        let version = Version {
            names,
            words: Vec::new(),
        };
        let flags = |mask: u32| -> Vec<bool> { (0..5).map(|i| mask & (1 << i) != 0).collect() };
        for used_mask in 0..32 {
            for same_mask in 0..32 {
                let (used, same) = (flags(used_mask), flags(same_mask));
                let mut asked = Vec::new();
                let found = presence_by(&name, &version, &used, NameMatching::default(), |i| {
                    asked.push(i);
                    same[i]
                });
                let expected = match presence_in_one_pass(&used, &same) {
                    Some(i) => Presence::Named(i),
                    None => Presence::Absent,
                };
                assert_eq!(found, expected, "used {used:?} same {same:?}");
                let unused_match = (0..5).any(|i| same[i] && !used[i]);
                assert!(
                    !unused_match || asked.iter().all(|&i| !used[i]),
                    "used {used:?} same {same:?} asked {asked:?}"
                );
            }
        }
    }
}
