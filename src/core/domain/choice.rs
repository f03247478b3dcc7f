//! The values of the app's `<select>`s: each choice has a stable key, the variant's name as the
//! stored format writes it, so a select's value, its stored value and an e2e test's value are
//! one string, never `Debug` text (which is free to change).

/// A closed set of choices with stable keys.
pub trait Choice: Copy + PartialEq + 'static {
    const CHOICES: &'static [Self];

    fn key(self) -> &'static str;

    /// The choice with this key; `None` for any other text.
    fn from_key(key: &str) -> Option<Self> {
        Self::CHOICES
            .iter()
            .copied()
            .find(|choice| choice.key() == key)
    }
}

/// Implements [`Choice`] for an enum of unit variants, keyed by the variants' names.
macro_rules! choice {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl $crate::core::domain::choice::Choice for $ty {
            const CHOICES: &'static [Self] = &[$($ty::$variant),*];

            fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => stringify!($variant),)*
                }
            }
        }
    };
}
pub(crate) use choice;

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::core::domain::model::{
        ActionStatus, AttendanceStatus, FormatMode, MeetingType, MinutesStatus, Phase, Role,
    };
    use crate::core::domain::tracker::SortKey;

    /// Every key reads back as its choice, and no other text does.
    fn check<C: Choice + std::fmt::Debug>() {
        for &choice in C::CHOICES {
            assert_eq!(C::from_key(choice.key()), Some(choice));
        }
        assert_eq!(C::from_key(""), None);
        assert_eq!(C::from_key("Debug text"), None);
    }

    /// A stored enum's keys are what serde stores for it.
    fn stored<C: Choice + std::fmt::Debug + serde::Serialize>() {
        check::<C>();
        for &choice in C::CHOICES {
            let json = serde_json::to_string(&choice).unwrap();
            assert_eq!(json, format!("\"{}\"", choice.key()), "{choice:?}");
        }
    }

    #[test]
    fn every_choice_reads_back_from_its_key_which_is_what_is_stored() {
        stored::<MeetingType>();
        stored::<FormatMode>();
        stored::<Role>();
        stored::<AttendanceStatus>();
        stored::<Phase>();
        stored::<ActionStatus>();
        stored::<MinutesStatus>();
    }

    #[test]
    fn sort_keys_read_back() {
        check::<SortKey>();
    }

    /// The enums that also list their values as `ALL` list the same ones, in the same order.
    #[test]
    fn choices_are_the_enums_lists() {
        assert_eq!(MeetingType::CHOICES, MeetingType::ALL);
        assert_eq!(FormatMode::CHOICES, FormatMode::ALL);
        assert_eq!(Role::CHOICES, Role::ALL);
        assert_eq!(Phase::CHOICES, Phase::ALL);
        assert_eq!(ActionStatus::CHOICES, ActionStatus::ALL);
        assert_eq!(SortKey::CHOICES, SortKey::ALL);
    }
}
