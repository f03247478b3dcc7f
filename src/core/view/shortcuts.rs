//! The run view's keyboard shortcuts (E1–E8) as a pure mapping from a key press to a command, so
//! the keys a host learns are tested without a browser.

/// What a shortcut asks the run view to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Space: pause or resume.
    TogglePause,
    /// N: the next agenda item.
    NextItem,
    /// T, P, D, A: the field to type a speaker, a parked point, a decision or an action into.
    FocusSpeaker,
    FocusPark,
    FocusDecision,
    FocusAction,
    /// R: room mode for a projector, on or off.
    ToggleRoom,
    /// E: end the meeting (once it has started).
    EndMeeting,
    /// ?: the list of shortcuts.
    ToggleHelp,
    /// Escape: close the help, leave the field being typed in and room mode.
    Escape,
}

/// A key press as the browser reports it: `key` is `KeyboardEvent.key`; `typing` whether focus
/// is in a text field; `modified` whether Ctrl, Alt or Meta is held.
#[derive(Clone, Copy, Debug)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub typing: bool,
    pub modified: bool,
}

/// The command for `press`, or `None` when the key is the browser's or the text field's own.
/// Escape always counts; other keys never while typing or with a modifier (Ctrl+P still prints).
pub fn command(press: KeyPress) -> Option<Command> {
    if press.key == "Escape" {
        return Some(Command::Escape);
    }
    if press.typing || press.modified {
        return None;
    }
    let command = match press.key {
        " " => Command::TogglePause,
        "n" | "N" => Command::NextItem,
        "t" | "T" => Command::FocusSpeaker,
        "p" | "P" => Command::FocusPark,
        "d" | "D" => Command::FocusDecision,
        "a" | "A" => Command::FocusAction,
        "r" | "R" => Command::ToggleRoom,
        "e" | "E" => Command::EndMeeting,
        "?" => Command::ToggleHelp,
        _ => return None,
    };
    Some(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> Option<Command> {
        command(KeyPress {
            key,
            typing: false,
            modified: false,
        })
    }

    #[test]
    fn each_documented_key_has_its_command_in_either_case() {
        assert_eq!(press(" "), Some(Command::TogglePause));
        for (lower, upper, expected) in [
            ("n", "N", Command::NextItem),
            ("t", "T", Command::FocusSpeaker),
            ("p", "P", Command::FocusPark),
            ("d", "D", Command::FocusDecision),
            ("a", "A", Command::FocusAction),
            ("r", "R", Command::ToggleRoom),
            ("e", "E", Command::EndMeeting),
        ] {
            assert_eq!(press(lower), Some(expected));
            assert_eq!(press(upper), Some(expected));
        }
        assert_eq!(press("?"), Some(Command::ToggleHelp));
        assert_eq!(press("x"), None);
        assert_eq!(press("Enter"), None);
    }

    #[test]
    fn typing_and_modifiers_keep_their_keys_but_escape_always_counts() {
        let typing = |key| {
            command(KeyPress {
                key,
                typing: true,
                modified: false,
            })
        };
        let with_ctrl = |key| {
            command(KeyPress {
                key,
                typing: false,
                modified: true,
            })
        };
        assert_eq!(typing("n"), None, "an N typed into a decision");
        assert_eq!(typing(" "), None);
        assert_eq!(with_ctrl("p"), None, "Ctrl+P prints");
        assert_eq!(typing("Escape"), Some(Command::Escape));
        assert_eq!(with_ctrl("Escape"), Some(Command::Escape));
    }
}
