//! The sales team: who hunts, who farms, who directs.

use super::dates::Timestamp;
use super::ids::Id;
use super::stamps::Stamps;
use serde::{Deserialize, Serialize};

/// What a team member is measured on (the handbook's split of the sales force).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Wins a client's first sale(s): «охотник».
    Hunter,
    /// Grows regular clients: «фермер».
    Farmer,
    /// Runs the funnel and the team: директор по продажам / РОП.
    Director,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Role; 3] = [Role::Hunter, Role::Farmer, Role::Director];

    /// The job titles that belong to this role.
    pub fn job_titles(self) -> &'static [JobTitle] {
        match self {
            Role::Hunter => &[
                JobTitle::TeleSalesManager,
                JobTitle::SalesManager,
                JobTitle::FieldRepresentative,
            ],
            Role::Farmer => &[JobTitle::AccountManager, JobTitle::KeyAccountManager],
            Role::Director => &[JobTitle::SalesDirector],
        }
    }
}

/// A Russian B2B job title; each belongs to one [`Role`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobTitle {
    /// Менеджер телепродаж.
    TeleSalesManager,
    /// Менеджер по продажам.
    SalesManager,
    /// Торговый представитель.
    FieldRepresentative,
    /// Аккаунт-менеджер / менеджер по работе с клиентами.
    AccountManager,
    /// Менеджер по работе с ключевыми клиентами (KAM).
    KeyAccountManager,
    /// Директор по продажам / руководитель отдела продаж.
    SalesDirector,
}

impl JobTitle {
    /// Every job title, grouped by role.
    pub const ALL: [JobTitle; 6] = [
        JobTitle::TeleSalesManager,
        JobTitle::SalesManager,
        JobTitle::FieldRepresentative,
        JobTitle::AccountManager,
        JobTitle::KeyAccountManager,
        JobTitle::SalesDirector,
    ];

    /// The role this title belongs to.
    pub fn role(self) -> Role {
        match self {
            JobTitle::TeleSalesManager | JobTitle::SalesManager | JobTitle::FieldRepresentative => {
                Role::Hunter
            }
            JobTitle::AccountManager | JobTitle::KeyAccountManager => Role::Farmer,
            JobTitle::SalesDirector => Role::Director,
        }
    }
}

/// A person on the sales team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    /// Stable unique id.
    pub id: Id,
    /// Full name as colleagues know it, e.g. «Ирина Соколова».
    pub name: String,
    /// The job title; the role follows from it.
    pub job_title: JobTitle,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed (merges keep the newer side).
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(TeamMember {
    "name" => name,
    "job_title" => job_title,
});

impl TeamMember {
    /// A new team member stamped with `now`.
    pub fn new(id: Id, name: impl Into<String>, job_title: JobTitle, now: Timestamp) -> Self {
        TeamMember {
            id,
            name: name.into().trim().to_owned(),
            job_title,
            created_at: now,
            updated_at: now,
            stamps: Default::default(),
        }
    }

    /// The member's role, derived from the job title so the two can never disagree.
    pub fn role(&self) -> Role {
        self.job_title.role()
    }

    /// Initials for compact cards: «Ирина Соколова» → «ИС».
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_roles_agree() {
        for role in Role::ALL {
            for title in role.job_titles() {
                assert_eq!(title.role(), role);
            }
        }
        let listed: usize = Role::ALL.iter().map(|r| r.job_titles().len()).sum();
        assert_eq!(listed, JobTitle::ALL.len());
    }

    #[test]
    fn initials_take_two_words() {
        let m = TeamMember::new(
            Id::from_raw("m"),
            "  ирина   Соколова Петровна ",
            JobTitle::SalesManager,
            Default::default(),
        );
        assert_eq!(m.name, "ирина   Соколова Петровна");
        assert_eq!(m.initials(), "ИС");
    }
}
