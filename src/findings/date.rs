#![doc = include_str!("date.md")]

use super::compare::{self, GroupView, Slot, ValueRules};
use super::{Check, Finding, Severity};
use crate::article::CheckOptions;
use crate::facts::{DateValue, Fact, FactKind, FactValue};

pub const DOCUMENTATION: &str = include_str!("date.md");

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    compare::compare(group, FactKind::Date, &DateRules, options)
}

struct DateRules;

fn date(fact: &Fact) -> Option<&DateValue> {
    match &fact.value {
        FactValue::Date(d) => Some(d),
        FactValue::Number(_) => None,
    }
}

impl ValueRules for DateRules {
    fn check(&self) -> Check {
        Check::Date
    }

    fn compatible(&self, a: &Fact, b: &Fact) -> bool {
        match (date(a), date(b)) {
            (Some(x), Some(y)) => x.compatible(y),
            _ => false,
        }
    }

    /// Dates with the same parts present are alike (a replaced month); dates of different
    /// shapes (a weekday and a year) are far apart.
    fn distance(&self, a: &Fact, b: &Fact) -> f64 {
        let (Some(x), Some(y)) = (date(a), date(b)) else {
            return f64::INFINITY;
        };
        let shape = |d: &DateValue| {
            [
                d.year.is_some(),
                d.month.is_some(),
                d.day.is_some(),
                d.weekday.is_some(),
                d.quarter.is_some(),
                d.half.is_some(),
                d.season.is_some(),
            ]
        };
        let differing_parts = shape(x)
            .iter()
            .zip(shape(y).iter())
            .filter(|(p, q)| p != q)
            .count();
        let shared_parts = shape(x)
            .iter()
            .zip(shape(y).iter())
            .filter(|(p, q)| **p && **q)
            .count();
        if shared_parts == 0 {
            20.0
        } else {
            differing_parts as f64
        }
    }

    /// A weekday one version leaves out ("on Monday" dropped) is a warning: translators drop
    /// weekdays next to a full date or when the day is obvious from context, and the real
    /// translations in the NTREX corpus do so often. A different weekday stays an error.
    fn severity(&self, slot: &Slot) -> Severity {
        let omitted = slot.values.values().any(Option::is_none);
        let only_weekdays = slot.values.values().flatten().all(|l| {
            date(l.fact).is_some_and(|d| {
                d.weekday.is_some()
                    && *d
                        == DateValue {
                            weekday: d.weekday,
                            ..DateValue::default()
                        }
            })
        });
        if omitted && only_weekdays {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// A year-only date in one language that another states as a plain number of the same
    /// value is the same fact read two ways.
    fn explained(&self, group: &GroupView, slot: &Slot) -> bool {
        let year_only = |d: &DateValue| {
            d.year.filter(|_| {
                *d == DateValue {
                    year: d.year,
                    ..DateValue::default()
                }
            })
        };
        let Some(year) = slot
            .values
            .values()
            .flatten()
            .find_map(|l| date(l.fact).and_then(year_only))
        else {
            return false;
        };
        slot.values.iter().all(|(&lang, value)| match value {
            Some(l) => date(l.fact).and_then(year_only) == Some(year),
            None => group
                .facts(lang, FactKind::Number)
                .iter()
                .any(|n| n.fact.value.key() == year.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{check_documents, CheckOptions};
    use crate::findings::Severity;
    use crate::input::Document;
    use crate::lang::Lang;
    use crate::paragraphs::{split, Format};
    use std::path::PathBuf;

    fn findings(versions: &[(Lang, &str)]) -> Vec<(Severity, String)> {
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
            .map(|f| (f.severity, f.message))
            .collect()
    }

    #[test]
    fn a_dropped_weekday_is_a_warning_and_a_changed_one_an_error() {
        let dropped = findings(&[
            (
                Lang::En,
                "The regulator announced the decision on Thursday.",
            ),
            (Lang::Uk, "Регулятор оголосив рішення в четвер."),
            (Lang::Ru, "Регулятор объявил решение."),
        ]);
        assert_eq!(
            dropped,
            vec![(
                Severity::Warning,
                "ru omits Thursday, which en and uk state".to_string()
            )]
        );
        let changed = findings(&[
            (
                Lang::En,
                "The regulator announced the decision on Thursday.",
            ),
            (Lang::Uk, "Регулятор оголосив рішення в п'ятницю."),
            (Lang::Ru, "Регулятор объявил решение в четверг."),
        ]);
        assert_eq!(
            changed,
            vec![(
                Severity::Error,
                "uk says Friday where en and ru say Thursday".to_string()
            )]
        );
    }

    #[test]
    fn a_month_adjective_agrees_with_the_month_and_a_wrong_one_does_not() {
        let found = findings(&[
            (
                Lang::En,
                "During a June visit to North Korea this year, Putin signed the deal.",
            ),
            (
                Lang::Uk,
                "Під час липневого візиту до КНДР цього року Путін підписав угоду.",
            ),
            (
                Lang::Ru,
                "Во время июньского визита в КНДР в этом году Путин подписал соглашение.",
            ),
        ]);
        assert_eq!(
            found,
            vec![(
                Severity::Error,
                "uk says July where en and ru say June".to_string()
            )]
        );
    }
}
