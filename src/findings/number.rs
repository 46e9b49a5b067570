#![doc = include_str!("number.md")]

use super::compare::{self, GroupView, Located, Slot, ValueRules};
use super::{Check, Finding};
use crate::article::CheckOptions;
use crate::facts::numbers::UnitConversion;
use crate::facts::tokens::is_letter;
use crate::facts::{Fact, FactKind, FactValue, NumberValue};
use crate::lang::Lang;

pub const DOCUMENTATION: &str = include_str!("number.md");

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    compare::compare(group, FactKind::Number, &NumberRules, options)
}

struct NumberRules;

impl ValueRules for NumberRules {
    fn check(&self) -> Check {
        Check::Number
    }

    fn compatible(&self, _a: &Fact, _b: &Fact) -> bool {
        false
    }

    fn distance(&self, a: &Fact, b: &Fact) -> f64 {
        let (FactValue::Number(x), FactValue::Number(y)) = (&a.value, &b.value) else {
            return f64::INFINITY;
        };
        match (x, y) {
            (
                NumberValue::Exact {
                    amount: p,
                    percent: pp,
                },
                NumberValue::Exact {
                    amount: q,
                    percent: qp,
                },
            ) => {
                let (p, q) = (p.to_f64(), q.to_f64());
                let largest = p.abs().max(q.abs()).max(f64::MIN_POSITIVE);
                let relative = (p - q).abs() / largest;
                relative + if pp == qp { 0.0 } else { 1.0 }
            }
            (NumberValue::Vague { .. }, NumberValue::Vague { .. }) => 0.5,
            _ => 2.0,
        }
    }

    /// Explained disagreements: a bare year ("2024") read as a date in one language and as a
    /// plain number in another, and a non-metric measure converted by the translator
    /// ("85 mph" → "137 км/год").
    fn explained(&self, group: &GroupView, slot: &Slot) -> bool {
        year_read_as_date(group, slot) || converted_to_metric(slot)
    }
}

fn year_read_as_date(group: &GroupView, slot: &Slot) -> bool {
    let Some(year) = slot
        .values
        .values()
        .flatten()
        .find_map(|l| l.fact.value.key().parse::<i32>().ok())
    else {
        return false;
    };
    slot.values.iter().all(|(&lang, value)| match value {
        Some(l) => l.fact.value.key() == year.to_string(),
        None => group
            .facts(lang, FactKind::Date)
            .iter()
            .any(|d| matches!(&d.fact.value, FactValue::Date(v) if v.year == Some(year))),
    })
}

fn converted_to_metric(slot: &Slot) -> bool {
    let amount = |l: &Located| match &l.fact.value {
        FactValue::Number(n) => n.amount().map(|a| a.to_f64()),
        FactValue::Date(_) => None,
    };
    slot.values.iter().any(|(&lang, value)| {
        let Some((original, conversion)) = value
            .as_ref()
            .and_then(|l| Some((amount(l)?, unit_after(lang, l)?)))
        else {
            return false;
        };
        slot.values
            .iter()
            .filter(|(&other, _)| other != lang)
            .all(|(_, v)| {
                v.as_ref()
                    .and_then(amount)
                    .is_some_and(|m| m == original || conversion.explains(original, m))
            })
    })
}

/// The non-metric unit written with a number: the last word of the fact ("550 pound") or
/// the word right after it ("85 mph", "50 °F").
fn unit_after(lang: Lang, located: &Located) -> Option<UnitConversion> {
    let vocabulary = lang.numbers();
    let last_word = located
        .fact
        .text
        .rsplit(|c: char| !is_letter(c))
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    if let Some(unit) = last_word.and_then(|w| vocabulary.non_metric_unit(&w)) {
        return Some(unit);
    }
    let next_word: String = located
        .paragraph
        .text
        .chars()
        .skip(located.fact.end)
        .skip_while(|c| c.is_whitespace() || matches!(c, '°' | '-'))
        .take_while(|c| is_letter(*c))
        .collect();
    vocabulary.non_metric_unit(&next_word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::article::{check_documents, CheckOptions};
    use crate::input::Document;
    use crate::lang::Lang;
    use crate::paragraphs::{split, Format};
    use std::path::PathBuf;

    fn messages(versions: &[(Lang, &str)]) -> Vec<String> {
        let documents = versions
            .iter()
            .map(|(lang, text)| Document {
                lang: *lang,
                path: PathBuf::from(format!("{lang}.txt")),
                encoding: None,
                paragraphs: split(text, Format::Plain),
            })
            .collect();
        check_documents(PathBuf::from("a"), documents, &CheckOptions::default())
            .findings
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn measures_converted_to_metric_are_not_mistakes() {
        let found = messages(&[
            (
                Lang::En,
                "Winds of up to 85 mph and 6 inches of rain are expected.",
            ),
            (Lang::Uk, "Очікується вітер до 137 км/год і 15 см опадів."),
            (Lang::Ru, "Ожидается ветер до 137 км/ч и 15 см осадков."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_wrong_conversion_is_still_reported() {
        let found = messages(&[
            (Lang::En, "Winds of up to 85 mph are expected."),
            (Lang::Uk, "Очікується вітер до 137 км/год."),
            (Lang::Ru, "Ожидается ветер до 317 км/ч."),
        ]);
        assert_eq!(
            found,
            vec!["en says 85, uk says 137, ru says 317".to_string()]
        );
    }
}
