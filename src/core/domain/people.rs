//! The people and departments the organiser has already typed (P4, R6, R7): suggested again in
//! the next meeting instead of retyped, so 研发 and 研发部 stop drifting apart, and the
//! preparation asks start from the departments invited.

use crate::core::domain::model::{meetings_only, Meeting, Participant, PreparationAsk};
use crate::core::domain::order;

/// Everyone who took part in earlier meetings, each once, with the department last given for
/// them (meetings in the order given, later ones winning); by name.
pub fn known_people(meetings: &[Meeting]) -> Vec<(String, String)> {
    let mut people: Vec<(String, String)> = Vec::new();
    for person in meetings_only(meetings).flat_map(|m| &m.participants) {
        let name = person.name.trim();
        if name.is_empty() {
            continue;
        }
        let department = person.department.trim().to_owned();
        match people.iter_mut().find(|(known, _)| known == name) {
            Some((_, known)) if !department.is_empty() => *known = department,
            Some(_) => {}
            None => people.push((name.to_owned(), department)),
        }
    }
    order::sort_by(&mut people, |a, b| a.0.cmp(&b.0));
    people
}

/// Every department named in earlier meetings (participants, actions, asks), each once.
pub fn known_departments(meetings: &[Meeting]) -> Vec<String> {
    let mut departments: Vec<String> = Vec::new();
    for meeting in meetings_only(meetings) {
        let named = meeting
            .participants
            .iter()
            .map(|p| p.department.as_str())
            .chain(meeting.actions.iter().map(|a| a.department.as_str()))
            .chain(
                meeting
                    .preparation_asks
                    .iter()
                    .map(|a| a.department.as_str()),
            );
        for department in named.map(str::trim).filter(|d| !d.is_empty()) {
            if !departments.iter().any(|known| known == department) {
                departments.push(department.to_owned());
            }
        }
    }
    order::sort_by(&mut departments, String::cmp);
    departments
}

/// The department last given for `name` in earlier meetings, to fill in when a known person is
/// picked and no department is typed yet.
pub fn department_of<'a>(people: &'a [(String, String)], name: &str) -> Option<&'a str> {
    let name = name.trim();
    people
        .iter()
        .find(|(known, department)| known == name && !department.is_empty())
        .map(|(_, department)| department.as_str())
}

/// One ask per invited department that has none yet (R6), with `ask` as its text, in the order
/// the participants are listed.
pub fn asks_for_departments(meeting: &Meeting, ask: &str) -> Vec<PreparationAsk> {
    let mut asks: Vec<PreparationAsk> = Vec::new();
    for department in meeting
        .participants
        .iter()
        .map(|p: &Participant| p.department.trim())
        .filter(|d| !d.is_empty())
    {
        let asked = meeting
            .preparation_asks
            .iter()
            .chain(&asks)
            .any(|a| a.department.trim() == department);
        if !asked {
            asks.push(PreparationAsk {
                department: department.to_owned(),
                ask: ask.to_owned(),
                ..PreparationAsk::default()
            });
        }
    }
    asks
}

/// The substitute named for an absent invitee (R7) as a participant of their own: same
/// department and role, so they can own actions. `None` without a substitute, or when someone of
/// that name already takes part.
pub fn substitute_as_participant(
    meeting: &Meeting,
    absent_id: &str,
    id: String,
) -> Option<Participant> {
    let absent = meeting.participants.iter().find(|p| p.id == absent_id)?;
    let name = absent.attendance.substitute.trim();
    let listed = meeting.participants.iter().any(|p| p.name.trim() == name);
    (!name.is_empty() && !listed).then(|| Participant {
        id,
        name: name.to_owned(),
        department: absent.department.clone(),
        role: absent.role,
        ..Participant::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::ActionItem;

    fn person(name: &str, department: &str) -> Participant {
        Participant {
            name: name.into(),
            department: department.into(),
            ..Participant::default()
        }
    }

    fn meeting(people: Vec<Participant>) -> Meeting {
        Meeting {
            participants: people,
            ..Meeting::default()
        }
    }

    #[test]
    fn people_are_remembered_once_with_their_latest_department() {
        let mut template = meeting(vec![person("模板人", "模板部")]);
        template.is_template = true;
        let meetings = [
            meeting(vec![
                person("李工", "研发"),
                person(" 王总 ", "运营部"),
                person("", "空"),
            ]),
            meeting(vec![person("李工", "研发部"), person("王总", "")]),
            template,
        ];
        assert_eq!(
            known_people(&meetings),
            [
                ("李工".to_owned(), "研发部".to_owned()),
                ("王总".to_owned(), "运营部".to_owned())
            ],
            "a later department wins, a blank one does not erase, templates are not people"
        );
        let people = known_people(&meetings);
        assert_eq!(department_of(&people, " 李工"), Some("研发部"));
        assert_eq!(department_of(&people, "张三"), None);
    }

    #[test]
    fn departments_come_from_participants_actions_and_asks() {
        let mut m = meeting(vec![person("李工", "研发部")]);
        m.actions.push(ActionItem {
            department: " 财务部 ".into(),
            ..ActionItem::default()
        });
        m.preparation_asks.push(PreparationAsk {
            department: "研发部".into(),
            ask: String::new(),
            ..PreparationAsk::default()
        });
        assert_eq!(known_departments(&[m]), ["研发部", "财务部"]);
    }

    #[test]
    fn a_substitute_joins_once_in_the_absent_invitees_place() {
        let mut absent = person("李工", "研发部");
        absent.id = "a".into();
        absent.role = crate::core::domain::model::Role::DecisionMaker;
        absent.attendance.substitute = " 赵经理 ".into();
        let mut m = meeting(vec![absent, person("王总", "运营部")]);
        let joined = substitute_as_participant(&m, "a", "s".into()).unwrap();
        assert_eq!(
            (
                joined.id.as_str(),
                joined.name.as_str(),
                joined.department.as_str()
            ),
            ("s", "赵经理", "研发部")
        );
        assert_eq!(joined.role, crate::core::domain::model::Role::DecisionMaker);
        m.participants.push(joined);
        assert_eq!(
            substitute_as_participant(&m, "a", "t".into()),
            None,
            "already a participant"
        );
        m.participants[0].attendance.substitute.clear();
        assert_eq!(
            substitute_as_participant(&m, "a", "t".into()),
            None,
            "no substitute named"
        );
        assert_eq!(substitute_as_participant(&m, "nobody", "t".into()), None);
    }

    #[test]
    fn asks_start_from_the_invited_departments_not_yet_asked() {
        let mut m = meeting(vec![
            person("李工", "研发部"),
            person("张工", "研发部"),
            person("王总", "运营部"),
            person("赵敏", ""),
            person("孙磊", "市场部"),
        ]);
        m.preparation_asks.push(PreparationAsk {
            department: "运营部".into(),
            ask: "已有".into(),
            ..PreparationAsk::default()
        });
        let asks = asks_for_departments(&m, "提交进度与风险点");
        let departments: Vec<&str> = asks.iter().map(|a| a.department.as_str()).collect();
        assert_eq!(departments, ["研发部", "市场部"]);
        assert!(asks.iter().all(|a| a.ask == "提交进度与风险点"));
    }
}
