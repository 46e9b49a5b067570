//! The comparison shared by the value checks (`number`, `date`): which facts of one aligned
//! group agree across languages, which disagree, and which language is the odd one out.
//!
//! Facts are compared as multisets per language. Equal values cancel first, then values a
//! check calls compatible (a date written with more or less detail); what is left is paired
//! into "slots" (one value per language, or none) so that a replaced value reads as one
//! finding ("ru says 7 where en and uk say 6") rather than two.

use super::{Check, Finding, Severity, Span};
use crate::article::{CheckOptions, CheckedArticle};
use crate::facts::{names, Fact, FactKind};
use crate::glossary::{Found, Glossary};
use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use std::collections::BTreeMap;

/// One aligned group of an article, as the checks see it.
pub struct GroupView<'a> {
    pub article: &'a CheckedArticle,
    /// 0-based index of the group in the article's alignment.
    pub index: usize,
    /// The languages that have at least one paragraph in this group, in report order.
    pub present: Vec<Lang>,
}

/// A fact together with the paragraph it was found in.
#[derive(Clone, Copy)]
pub struct Located<'a> {
    pub fact: &'a Fact,
    pub paragraph: &'a Paragraph,
}

impl<'a> GroupView<'a> {
    pub fn new(article: &'a CheckedArticle, index: usize) -> GroupView<'a> {
        let present = article
            .documents
            .iter()
            .enumerate()
            .filter(|(d, _)| {
                article
                    .alignment
                    .get(index)
                    .and_then(|g| g.members.get(*d))
                    .is_some_and(|m| !m.is_empty())
            })
            .map(|(_, doc)| doc.lang)
            .collect();
        GroupView {
            article,
            index,
            present,
        }
    }

    /// 0-based paragraph indices of `lang` in this group.
    fn members(&self, lang: Lang) -> &'a [usize] {
        let article: &'a CheckedArticle = self.article;
        let doc = article.documents.iter().position(|d| d.lang == lang);
        match (doc, article.alignment.get(self.index)) {
            (Some(d), Some(group)) => group.members.get(d).map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }

    /// The paragraphs of `lang` in this group.
    pub fn paragraphs_of(&self, lang: Lang) -> Vec<&'a Paragraph> {
        let article: &'a CheckedArticle = self.article;
        let Some(doc) = article.document(lang) else {
            return Vec::new();
        };
        self.members(lang)
            .iter()
            .filter_map(|&p| doc.paragraphs.get(p))
            .collect()
    }

    /// The paragraphs of `lang` in this group with what `glossary` finds in each (found once
    /// per article when the article was checked).
    pub fn glossary_found(
        &self,
        lang: Lang,
        glossary: &Glossary,
    ) -> Vec<(&'a Paragraph, std::borrow::Cow<'a, Found>)> {
        let article: &'a CheckedArticle = self.article;
        let Some(d) = article.documents.iter().position(|d| d.lang == lang) else {
            return Vec::new();
        };
        let (Some(doc), found) = (article.documents.get(d), article.glossary_found.get(d)) else {
            return Vec::new();
        };
        self.members(lang)
            .iter()
            .filter_map(|&p| {
                let paragraph = doc.paragraphs.get(p)?;
                let found = match found.and_then(|f| f.get(p)) {
                    Some(found) => std::borrow::Cow::Borrowed(found),
                    None => std::borrow::Cow::Owned(glossary.find_all(lang, &paragraph.text)),
                };
                Some((paragraph, found))
            })
            .collect()
    }

    /// The paragraphs of `lang` in this group with their names and other words (found once
    /// per article when the article was checked).
    pub fn name_analyses(
        &self,
        lang: Lang,
    ) -> Vec<(&'a Paragraph, std::borrow::Cow<'a, names::Analysis>)> {
        let article: &'a CheckedArticle = self.article;
        let Some(d) = article.documents.iter().position(|d| d.lang == lang) else {
            return Vec::new();
        };
        let (Some(doc), analyses) = (article.documents.get(d), article.names.get(d)) else {
            return Vec::new();
        };
        self.members(lang)
            .iter()
            .filter_map(|&p| {
                let paragraph = doc.paragraphs.get(p)?;
                let analysis = match analyses.and_then(|a| a.get(p)) {
                    Some(analysis) => std::borrow::Cow::Borrowed(analysis),
                    None => std::borrow::Cow::Owned(names::analyze(&paragraph.text, lang)),
                };
                Some((paragraph, analysis))
            })
            .collect()
    }

    /// The paragraphs of `lang` in this group with what `glossary` finds in each and their
    /// names: [`GroupView::glossary_found`] and [`GroupView::name_analyses`] in one pass.
    #[allow(clippy::type_complexity)]
    pub fn each_reading<'g>(
        &self,
        lang: Lang,
        glossary: &'g Glossary,
    ) -> impl Iterator<
        Item = (
            &'a Paragraph,
            std::borrow::Cow<'a, Found>,
            std::borrow::Cow<'a, names::Analysis>,
        ),
    > + 'g
    where
        'a: 'g,
    {
        let article: &'a CheckedArticle = self.article;
        let d = article.documents.iter().position(|d| d.lang == lang);
        let doc = d.and_then(|d| article.documents.get(d));
        let found = d.and_then(|d| article.glossary_found.get(d));
        let analyses = d.and_then(|d| article.names.get(d));
        let members = if doc.is_some() {
            self.members(lang)
        } else {
            &[]
        };
        members.iter().filter_map(move |&p| {
            let paragraph = doc?.paragraphs.get(p)?;
            let found = match found.and_then(|f| f.get(p)) {
                Some(found) => std::borrow::Cow::Borrowed(found),
                None => std::borrow::Cow::Owned(glossary.find_all(lang, &paragraph.text)),
            };
            let analysis = match analyses.and_then(|a| a.get(p)) {
                Some(analysis) => std::borrow::Cow::Borrowed(analysis),
                None => std::borrow::Cow::Owned(names::analyze(&paragraph.text, lang)),
            };
            Some((paragraph, found, analysis))
        })
    }

    /// 1-based paragraph numbers of every language of the article in this group.
    pub fn paragraph_numbers(&self) -> BTreeMap<Lang, Vec<usize>> {
        self.article
            .documents
            .iter()
            .map(|doc| {
                let numbers = self.members(doc.lang).iter().map(|p| p + 1).collect();
                (doc.lang, numbers)
            })
            .collect()
    }

    /// Facts of one kind stated by `lang` in this group, in text order.
    pub fn facts(&self, lang: Lang, kind: FactKind) -> Vec<Located<'a>> {
        self.each_fact(lang, kind).collect()
    }

    /// [`GroupView::facts`], one at a time.
    fn each_fact(&self, lang: Lang, kind: FactKind) -> impl Iterator<Item = Located<'a>> {
        let article: &'a CheckedArticle = self.article;
        let d = article.documents.iter().position(|doc| doc.lang == lang);
        let source = d.and_then(|d| Some((article.documents.get(d)?, article.facts.get(d)?)));
        let members = if source.is_some() {
            self.members(lang)
        } else {
            &[]
        };
        members
            .iter()
            .filter_map(move |&p| {
                let (doc, doc_facts) = source?;
                Some((doc.paragraphs.get(p)?, doc_facts.get(p)?))
            })
            .flat_map(move |(paragraph, facts)| {
                facts
                    .iter()
                    .filter(move |f| f.kind() == kind)
                    .map(move |fact| Located { fact, paragraph })
            })
    }

    /// True when every present language states the same values of one kind in the same
    /// order (none at all included). Then every value cancels against its equals and
    /// [`compare`] has nothing to report; this finds that out without building its pool.
    fn states_the_same(&self, kind: FactKind) -> bool {
        let Some((&first, others)) = self.present.split_first() else {
            return true;
        };
        others.iter().all(|&other| {
            let (mut a, mut b) = (self.each_fact(first, kind), self.each_fact(other, kind));
            loop {
                match (a.next(), b.next()) {
                    (None, None) => return true,
                    (Some(x), Some(y)) if x.fact.value == y.fact.value => {}
                    _ => return false,
                }
            }
        })
    }

    /// Where a fact stands in its file.
    pub fn span(&self, lang: Lang, located: &Located) -> Span {
        let pos = located.paragraph.position(located.fact.start);
        Span {
            lang,
            line: pos.line,
            column: pos.column,
            text: located.fact.text.clone(),
            paragraph: located.paragraph.number,
            start: located.fact.start,
            end: located.fact.end,
        }
    }
}

/// How a check compares the values of its facts.
pub trait ValueRules {
    /// The check's id and severity.
    fn check(&self) -> Check;
    /// True when `a` and `b` say the same thing with different detail (dates). Exact key
    /// equality is always agreement and need not be repeated here.
    fn compatible(&self, a: &Fact, b: &Fact) -> bool;
    /// How alike two different values are, lower is closer: used to pair a replaced value
    /// with its replacement.
    fn distance(&self, a: &Fact, b: &Fact) -> f64;
    /// True when a slot's disagreement is explained away by facts of another kind (a bare
    /// year read as a number in one language and as a date in another).
    fn explained(&self, _group: &GroupView, _slot: &Slot) -> bool {
        false
    }
    /// How serious the disagreement in a slot is.
    fn severity(&self, _slot: &Slot) -> Severity {
        Severity::Error
    }
}

/// One position where versions disagree: per present language, the fact it states there
/// (or `None` when it states nothing).
pub struct Slot<'a> {
    pub values: BTreeMap<Lang, Option<Located<'a>>>,
}

impl Slot<'_> {
    pub fn key(&self, lang: Lang) -> Option<String> {
        self.values
            .get(&lang)
            .and_then(|v| v.as_ref())
            .map(|l| l.fact.value.key())
    }
}

struct Pool<'a> {
    items: BTreeMap<Lang, Vec<(Located<'a>, bool)>>,
}

impl<'a> Pool<'a> {
    fn remaining(&self, lang: Lang) -> impl Iterator<Item = (usize, &Located<'a>)> {
        self.items
            .get(&lang)
            .into_iter()
            .flatten()
            .enumerate()
            .filter(|(_, (_, used))| !used)
            .map(|(i, (l, _))| (i, l))
    }

    fn take(&mut self, lang: Lang, index: usize) -> Option<Located<'a>> {
        let item = self.items.get_mut(&lang)?.get_mut(index)?;
        item.1 = true;
        Some(item.0)
    }

    fn find(&self, lang: Lang, pred: impl Fn(&Located<'a>) -> bool) -> Option<usize> {
        self.remaining(lang).find(|(_, l)| pred(l)).map(|(i, _)| i)
    }
}

/// Compares the facts of one kind across the present languages of a group and returns the
/// findings.
pub fn compare(
    group: &GroupView,
    kind: FactKind,
    rules: &dyn ValueRules,
    options: &CheckOptions,
) -> Vec<Finding> {
    if group.present.len() < 2 || group.states_the_same(kind) {
        return Vec::new();
    }
    let mut pool = Pool {
        items: group
            .present
            .iter()
            .map(|&lang| {
                let facts = group.facts(lang, kind).into_iter().map(|l| (l, false));
                (lang, facts.collect())
            })
            .collect(),
    };
    cancel_agreement(group, &mut pool, rules);
    let slots = pair_leftovers(group, &mut pool, rules);
    slots
        .into_iter()
        .filter(|slot| !all_weak(slot) && !rules.explained(group, slot))
        .map(|slot| finding(group, &slot, rules, options))
        .collect()
}

/// Removes every value that all present languages state (exactly, then compatibly).
fn cancel_agreement(group: &GroupView, pool: &mut Pool, rules: &dyn ValueRules) {
    let (first, others) = match group.present.split_first() {
        Some(split) => split,
        None => return,
    };
    for exact in [true, false] {
        let candidates: Vec<(usize, Located)> =
            pool.remaining(*first).map(|(i, l)| (i, *l)).collect();
        for (index, located) in candidates {
            let agrees = |other: &Located| {
                other.fact.value == located.fact.value
                    || !exact && rules.compatible(located.fact, other.fact)
            };
            let partners: Option<Vec<(Lang, usize)>> = others
                .iter()
                .map(|&lang| pool.find(lang, agrees).map(|i| (lang, i)))
                .collect();
            if let Some(partners) = partners {
                pool.take(*first, index);
                for (lang, i) in partners {
                    pool.take(lang, i);
                }
            }
        }
    }
}

/// Turns what did not cancel into slots: first values that some (but not all) languages
/// agree on, each joined by the closest leftover value of the languages that lack it; then
/// the remaining values, paired across languages by closeness.
fn pair_leftovers<'a>(
    group: &GroupView,
    pool: &mut Pool<'a>,
    rules: &dyn ValueRules,
) -> Vec<Slot<'a>> {
    let mut slots = Vec::new();
    let langs = group.present.clone();
    // Values shared by more than one (but not all) languages.
    if langs.len() > 2 {
        for &lang in &langs {
            let candidates: Vec<(usize, Located)> =
                pool.remaining(lang).map(|(i, l)| (i, *l)).collect();
            for (index, located) in candidates {
                let partners: Vec<(Lang, usize)> = langs
                    .iter()
                    .filter(|&&other| other != lang)
                    .filter_map(|&other| {
                        pool.find(other, |l| {
                            l.fact.value == located.fact.value
                                || rules.compatible(located.fact, l.fact)
                        })
                        .map(|i| (other, i))
                    })
                    .collect();
                if partners.is_empty() {
                    continue;
                }
                let mut values = BTreeMap::new();
                values.insert(lang, pool.take(lang, index));
                for (other, i) in partners {
                    values.insert(other, pool.take(other, i));
                }
                for &other in &langs {
                    if let std::collections::btree_map::Entry::Vacant(slot) = values.entry(other) {
                        let replacement = closest(pool, other, located.fact, rules)
                            .and_then(|i| pool.take(other, i));
                        slot.insert(replacement);
                    }
                }
                slots.push(Slot { values });
            }
        }
    }
    // Values only one language states.
    for &lang in &langs {
        let candidates: Vec<usize> = pool.remaining(lang).map(|(i, _)| i).collect();
        for index in candidates {
            let Some(located) = pool.take(lang, index) else {
                continue;
            };
            let mut values = BTreeMap::new();
            values.insert(lang, Some(located));
            for &other in langs.iter().filter(|&&o| o != lang) {
                let replacement =
                    closest(pool, other, located.fact, rules).and_then(|i| pool.take(other, i));
                values.insert(other, replacement);
            }
            slots.push(Slot { values });
        }
    }
    slots.sort_by_key(|slot| {
        slot.values
            .values()
            .flatten()
            .map(|l| (l.paragraph.number, l.fact.start))
            .min()
    });
    slots
}

/// Pairing a replaced value with its replacement only makes sense when they are alike; past
/// this distance two leftovers are two separate findings.
const MAX_PAIRING_DISTANCE: f64 = 10.0;

fn closest(pool: &Pool, lang: Lang, fact: &Fact, rules: &dyn ValueRules) -> Option<usize> {
    pool.remaining(lang)
        .map(|(i, l)| (i, rules.distance(fact, l.fact)))
        .filter(|(_, d)| *d <= MAX_PAIRING_DISTANCE)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

fn all_weak(slot: &Slot) -> bool {
    let stated: Vec<&Located> = slot.values.values().flatten().collect();
    let absent = slot.values.values().any(Option::is_none);
    absent && stated.iter().all(|l| l.fact.weak)
}

/// True when two languages' values in a slot say the same thing (both silent counts).
fn agree(slot: &Slot, a: Lang, b: Lang, rules: &dyn ValueRules) -> bool {
    let value = |l: Lang| slot.values.get(&l).and_then(|v| v.as_ref());
    match (value(a), value(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => x.fact.value == y.fact.value || rules.compatible(x.fact, y.fact),
        _ => false,
    }
}

/// The language to blame: with a source language, the single version that differs from it;
/// otherwise, with three versions, the one that differs from the two that agree.
fn outlier(slot: &Slot, source: Option<Lang>, rules: &dyn ValueRules) -> Option<Lang> {
    let langs: Vec<Lang> = slot.values.keys().copied().collect();
    if let Some(source) = source.filter(|s| slot.values.contains_key(s)) {
        let differing: Vec<Lang> = langs
            .iter()
            .copied()
            .filter(|&l| l != source && !agree(slot, l, source, rules))
            .collect();
        return match differing.as_slice() {
            [single] => Some(*single),
            _ => None,
        };
    }
    if langs.len() != 3 {
        return None;
    }
    langs.iter().copied().find(|&candidate| {
        let others: Vec<Lang> = langs.iter().copied().filter(|&l| l != candidate).collect();
        match others.as_slice() {
            [a, b] => agree(slot, *a, *b, rules) && !agree(slot, *a, candidate, rules),
            _ => false,
        }
    })
}

/// "en", "en and uk", "en, uk and ru".
pub fn join_langs(langs: &[Lang]) -> String {
    let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    match codes.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn message(slot: &Slot, outlier: Option<Lang>) -> String {
    if let Some(odd) = outlier {
        let others: Vec<Lang> = slot.values.keys().copied().filter(|&l| l != odd).collect();
        let consensus = others.first().and_then(|&l| slot.key(l));
        let verb = if others.len() > 1 { "say" } else { "says" };
        let state = if others.len() > 1 { "state" } else { "states" };
        let names = join_langs(&others);
        return match (slot.key(odd), consensus) {
            (Some(x), Some(y)) => format!("{odd} says {x} where {names} {verb} {y}"),
            (None, Some(y)) => format!("{odd} omits {y}, which {names} {state}"),
            (Some(x), None) => format!("{odd} adds {x}, which {names} do not state"),
            (None, None) => format!("{odd} disagrees with {names}"),
        };
    }
    let stating: Vec<Lang> = slot
        .values
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(l, _)| *l)
        .collect();
    let silent: Vec<Lang> = slot
        .values
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(l, _)| *l)
        .collect();
    if let ([only], false) = (stating.as_slice(), silent.is_empty()) {
        let value = slot.key(*only).unwrap_or_default();
        let verb = if silent.len() > 1 {
            "do not state"
        } else {
            "does not state"
        };
        return format!(
            "{only} states {value}, which {} {verb}",
            join_langs(&silent)
        );
    }
    let parts: Vec<String> = slot
        .values
        .keys()
        .map(|&l| match slot.key(l) {
            Some(v) => format!("{l} says {v}"),
            None => format!("{l} says nothing"),
        })
        .collect();
    parts.join(", ")
}

fn finding(
    group: &GroupView,
    slot: &Slot,
    rules: &dyn ValueRules,
    options: &CheckOptions,
) -> Finding {
    let outlier = outlier(slot, options.source, rules);
    let values = slot
        .values
        .keys()
        .map(|&l| (l, slot.key(l).into_iter().collect()))
        .collect();
    let spans = slot
        .values
        .iter()
        .filter_map(|(&lang, v)| v.as_ref().map(|l| group.span(lang, l)))
        .collect();
    Finding {
        check: rules.check(),
        severity: rules.severity(slot),
        message: message(slot, outlier),
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
    use crate::alignment::Group;
    use crate::facts::{DateValue, Decimal, FactValue, NumberValue};
    use crate::input::Document;
    use crate::paragraphs::Pos;
    use std::path::PathBuf;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            number: 1,
            text: text.to_string(),
            origins: (0..text.chars().count())
                .map(|i| Pos {
                    line: 1,
                    column: i + 1,
                })
                .collect(),
        }
    }

    /// A fact for the first occurrence of `surface` in `text`.
    fn fact(text: &str, surface: &str, value: FactValue, weak: bool) -> Fact {
        let byte = text.find(surface).unwrap_or(0);
        let start = text[..byte].chars().count();
        Fact {
            value,
            start,
            end: start + surface.chars().count(),
            text: surface.to_string(),
            weak,
        }
    }

    fn number(n: i128) -> FactValue {
        FactValue::Number(NumberValue::exact(Decimal::from_int(n)))
    }

    fn month(m: u8) -> FactValue {
        FactValue::Date(DateValue {
            month: Some(m),
            ..DateValue::default()
        })
    }

    /// A version of a one-paragraph article: its language, text, and facts as (surface,
    /// value, weak).
    type Version<'a> = (Lang, &'a str, Vec<(&'a str, FactValue, bool)>);

    fn article(versions: Vec<Version>) -> CheckedArticle {
        let documents = versions
            .iter()
            .map(|(lang, text, _)| Document {
                lang: *lang,
                path: PathBuf::from(format!("{lang}.txt")),
                encoding: None,
                paragraphs: vec![paragraph(text)],
            })
            .collect();
        let facts = versions
            .into_iter()
            .map(|(_, text, facts)| {
                vec![facts
                    .into_iter()
                    .map(|(surface, value, weak)| fact(text, surface, value, weak))
                    .collect()]
            })
            .collect::<Vec<_>>();
        let members = facts.iter().map(|_| vec![0]).collect();
        CheckedArticle {
            path: PathBuf::from("x"),
            identified: facts.iter().map(|_| vec![None]).collect(),
            wrong_language: facts.iter().map(|_| None).collect(),
            documents,
            facts,
            alignment: vec![Group { members }],
            glossary_found: Vec::new(),
            names: Vec::new(),
            findings: Vec::new(),
        }
    }

    fn findings(article: &CheckedArticle, source: Option<Lang>) -> Vec<Finding> {
        let options = CheckOptions {
            source,
            ..CheckOptions::default()
        };
        crate::findings::run(article, &options)
    }

    #[test]
    fn a_changed_number_word_blames_the_odd_language() {
        let a = article(vec![
            (
                Lang::En,
                "killed six officers",
                vec![("six", number(6), false)],
            ),
            (
                Lang::Uk,
                "вбив шістьох офіцерів",
                vec![("шістьох", number(6), false)],
            ),
            (
                Lang::Ru,
                "убил семерых офицеров",
                vec![("семерых", number(7), false)],
            ),
        ]);
        let found = findings(&a, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "ru says 7 where en and uk say 6");
        assert_eq!(found[0].outlier, Some(Lang::Ru));
        assert_eq!(found[0].values[&Lang::Ru], vec!["7".to_string()]);
        let ru_span = found[0].spans.iter().find(|s| s.lang == Lang::Ru);
        assert_eq!(
            ru_span.map(|s| (s.column, s.text.as_str())),
            Some((6, "семерых"))
        );
    }

    #[test]
    fn agreeing_versions_are_silent() {
        let a = article(vec![
            (Lang::En, "six", vec![("six", number(6), false)]),
            (Lang::Uk, "шестеро", vec![("шестеро", number(6), false)]),
            (Lang::Ru, "6", vec![("6", number(6), false)]),
        ]);
        assert!(findings(&a, None).is_empty());
    }

    #[test]
    fn values_stated_in_another_order_agree_without_the_shortcut() {
        let in_order = article(vec![
            (
                Lang::En,
                "six officers and 38 missiles",
                vec![("six", number(6), false), ("38", number(38), false)],
            ),
            (
                Lang::Uk,
                "шість офіцерів і 38 ракет",
                vec![("шість", number(6), false), ("38", number(38), false)],
            ),
        ]);
        let group = GroupView::new(&in_order, 0);
        assert!(group.states_the_same(FactKind::Number));
        assert!(group.states_the_same(FactKind::Date));
        let reordered = article(vec![
            (
                Lang::En,
                "six officers and 38 missiles",
                vec![("six", number(6), false), ("38", number(38), false)],
            ),
            (
                Lang::Uk,
                "38 ракет і шість офіцерів",
                vec![("38", number(38), false), ("шість", number(6), false)],
            ),
        ]);
        let group = GroupView::new(&reordered, 0);
        assert!(!group.states_the_same(FactKind::Number));
        assert!(findings(&reordered, None).is_empty());
        let changed = article(vec![
            (Lang::En, "six officers", vec![("six", number(6), false)]),
            (Lang::Uk, "сім офіцерів", vec![("сім", number(7), false)]),
        ]);
        assert!(!GroupView::new(&changed, 0).states_the_same(FactKind::Number));
    }

    #[test]
    fn an_omitted_number_is_reported_and_a_dropped_weak_one_is_not() {
        let a = article(vec![
            (
                Lang::En,
                "one of six officers",
                vec![("one", number(1), true), ("six", number(6), false)],
            ),
            (
                Lang::Uk,
                "шість офіцерів",
                vec![("шість", number(6), false)],
            ),
            (Lang::Ru, "офицеров", vec![]),
        ]);
        let found = findings(&a, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "ru omits 6, which en and uk state");
        assert_eq!(found[0].outlier, Some(Lang::Ru));
    }

    #[test]
    fn two_versions_name_no_outlier() {
        let a = article(vec![
            (Lang::En, "six", vec![("six", number(6), false)]),
            (Lang::Ru, "семь", vec![("семь", number(7), false)]),
        ]);
        let found = findings(&a, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].outlier, None);
        assert_eq!(found[0].message, "en says 6, ru says 7");
    }

    #[test]
    fn the_source_language_decides_who_is_wrong() {
        let a = article(vec![
            (Lang::En, "six", vec![("six", number(6), false)]),
            (Lang::Uk, "сім", vec![("сім", number(7), false)]),
        ]);
        let found = findings(&a, Some(Lang::En));
        assert_eq!(found[0].outlier, Some(Lang::Uk));
        assert_eq!(found[0].message, "uk says 7 where en says 6");
    }

    #[test]
    fn all_three_different_names_no_outlier() {
        let a = article(vec![
            (Lang::En, "6", vec![("6", number(6), false)]),
            (Lang::Uk, "7", vec![("7", number(7), false)]),
            (Lang::Ru, "8", vec![("8", number(8), false)]),
        ]);
        let found = findings(&a, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].outlier, None);
        assert_eq!(found[0].message, "en says 6, uk says 7, ru says 8");
    }

    #[test]
    fn a_wrong_month_is_a_date_finding_and_more_detail_is_not() {
        let a = article(vec![
            (Lang::En, "June visit", vec![("June", month(6), false)]),
            (
                Lang::Uk,
                "липневого візиту",
                vec![("липневого", month(7), false)],
            ),
            (
                Lang::Ru,
                "14 июня",
                vec![(
                    "14 июня",
                    FactValue::Date(DateValue {
                        month: Some(6),
                        day: Some(14),
                        ..DateValue::default()
                    }),
                    false,
                )],
            ),
        ]);
        let found = findings(&a, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].check, Check::Date);
        assert_eq!(found[0].outlier, Some(Lang::Uk));
        assert_eq!(found[0].message, "uk says July where en and ru say June");
    }

    #[test]
    fn a_year_read_as_a_number_in_one_language_agrees_with_a_year_date() {
        let year = FactValue::Date(DateValue {
            year: Some(2024),
            ..DateValue::default()
        });
        let a = article(vec![
            (
                Lang::En,
                "by the end of 2024",
                vec![("2024", number(2024), false)],
            ),
            (
                Lang::Uk,
                "до кінця 2024 року",
                vec![("2024 року", year.clone(), false)],
            ),
            (
                Lang::Ru,
                "до конца 2024 года",
                vec![("2024 года", year, false)],
            ),
        ]);
        assert!(findings(&a, None).is_empty());
    }

    #[test]
    fn a_missing_paragraph_names_the_language_that_lacks_it() {
        let mut a = article(vec![
            (Lang::En, "Analysts said.", vec![]),
            (Lang::Uk, "Аналітики заявили.", vec![]),
            (Lang::Ru, "Аналитики заявили.", vec![]),
        ]);
        a.alignment = vec![Group {
            members: vec![vec![0], vec![0], vec![]],
        }];
        let found = findings(&a, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].check, Check::Missing);
        assert_eq!(found[0].message, "ru lacks a paragraph that en and uk have");
        assert_eq!(found[0].outlier, Some(Lang::Ru));
        assert_eq!(found[0].paragraphs[&Lang::Ru], Vec::<usize>::new());
    }
}
