#![doc = include_str!("number.md")]

use super::compare::{self, GroupView, Slot, ValueRules};
use super::{Check, Finding};
use crate::article::CheckOptions;
use crate::facts::{Fact, FactKind, FactValue, NumberValue};

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

    /// A bare year ("2024") is a date in one language's reading and a plain number in
    /// another's when only one of them has a year word next to it.
    fn explained(&self, group: &GroupView, slot: &Slot) -> bool {
        let Some(year) = slot
            .values
            .values()
            .flatten()
            .find_map(|l| l.fact.value.key().parse::<i32>().ok())
        else {
            return false;
        };
        let stated_by_all_or_year = slot.values.iter().all(|(&lang, value)| match value {
            Some(l) => l.fact.value.key() == year.to_string(),
            None => group
                .facts(lang, FactKind::Date)
                .iter()
                .any(|d| matches!(&d.fact.value, FactValue::Date(v) if v.year == Some(year))),
        });
        stated_by_all_or_year
    }
}
