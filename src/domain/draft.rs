//! What a user typed into a form, and its validation into records.
//!
//! Forms hold raw text so that nothing the user typed is lost while it is still invalid; a draft
//! becomes a record only when every field is valid, and each problem names its field.

use super::client::{Client, ClientStatus, ContactPerson};
use super::dates::{parse_date, Timestamp};
use super::deal::Deal;
use super::ids::Id;
use super::inn::{validate_inn, InnError};
use super::kpp::{validate_kpp, KppError};
use super::money::{Money, MoneyParseError};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A form field that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Company or deal name.
    Name,
    /// ИНН.
    Inn,
    /// КПП.
    Kpp,
    /// Contact phone.
    Phone,
    /// Contact e-mail.
    Email,
    /// Owner.
    Owner,
    /// Deal amount.
    Amount,
    /// Next-step date.
    NextStepDate,
    /// The client's estimated yearly spend in our category.
    YearlySpend,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    /// The field must be filled in.
    #[error("required")]
    Required,
    /// The ИНН is not valid.
    #[error("invalid INN: {0}")]
    Inn(#[from] InnError),
    /// The КПП is not 9 digits.
    #[error("invalid KPP: {0}")]
    Kpp(#[from] KppError),
    /// The phone has too few or too many digits.
    #[error("a phone has 10 to 15 digits")]
    Phone,
    /// The e-mail address is malformed.
    #[error("not an e-mail address")]
    Email,
    /// The amount could not be read.
    #[error("invalid amount: {0}")]
    Money(#[from] MoneyParseError),
    /// The date could not be read.
    #[error("not a date")]
    Date,
}

/// A problem tied to the field it concerns.
pub type FieldError = (Field, Problem);

/// The client form's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientDraft {
    /// Company name.
    pub name: String,
    /// ИНН as typed.
    pub inn: String,
    /// КПП as typed.
    #[serde(default)]
    pub kpp: String,
    /// Contact person.
    pub contact_name: String,
    /// Phone as typed.
    pub phone: String,
    /// E-mail as typed.
    pub email: String,
    /// Owner's id (empty when none was chosen).
    pub owner_id: String,
    /// Status.
    pub status: Option<ClientStatus>,
    /// Notes.
    pub notes: String,
    /// Estimated yearly category spend as typed (empty: unknown).
    #[serde(default)]
    pub yearly_spend: String,
}

impl ClientDraft {
    /// The form filled with an existing client, for editing.
    pub fn from_client(c: &Client) -> Self {
        ClientDraft {
            name: c.name.clone(),
            inn: c.inn.clone().unwrap_or_default(),
            kpp: c.kpp.clone().unwrap_or_default(),
            contact_name: c.contact.name.clone(),
            phone: c.contact.phone.clone(),
            email: c.contact.email.clone(),
            owner_id: c.owner_id.to_string(),
            status: Some(c.status),
            notes: c.notes.clone(),
            yearly_spend: c.yearly_spend.map(Money::to_input).unwrap_or_default(),
        }
    }

    /// Validates every field; on success returns a client with `id`, created at `created_at`.
    /// The workspace still checks that the owner exists when the client is stored.
    pub fn to_client(&self, id: Id, created_at: Timestamp) -> Result<Client, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push((Field::Name, Problem::Required));
        }
        let inn = match self.inn.trim() {
            "" => None,
            typed => match validate_inn(typed) {
                Ok(digits) => Some(digits),
                Err(e) => {
                    errors.push((Field::Inn, e.into()));
                    None
                }
            },
        };
        let kpp = match self.kpp.trim() {
            "" => None,
            typed => match validate_kpp(typed) {
                Ok(kpp) => Some(kpp),
                Err(e) => {
                    errors.push((Field::Kpp, e.into()));
                    None
                }
            },
        };
        let phone = self.phone.trim();
        if !phone.is_empty() && !valid_phone(phone) {
            errors.push((Field::Phone, Problem::Phone));
        }
        let email = self.email.trim();
        if !email.is_empty() && !valid_email(email) {
            errors.push((Field::Email, Problem::Email));
        }
        if self.owner_id.trim().is_empty() {
            errors.push((Field::Owner, Problem::Required));
        }
        let yearly_spend = match self.yearly_spend.trim() {
            "" => None,
            typed => match Money::parse(typed) {
                Ok(m) => Some(m),
                Err(e) => {
                    errors.push((Field::YearlySpend, e.into()));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Client {
            id,
            name: name.to_owned(),
            inn,
            kpp,
            contact: ContactPerson {
                name: self.contact_name.trim().to_owned(),
                phone: phone.to_owned(),
                email: email.to_owned(),
            },
            owner_id: Id::from_raw(self.owner_id.trim()),
            status: self.status.unwrap_or(ClientStatus::Lead),
            notes: self.notes.trim_end().to_owned(),
            yearly_spend,
            created_at,
            updated_at: created_at,
            stamps: Default::default(),
        })
    }
}

/// The deal form's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealDraft {
    /// What is being sold.
    pub title: String,
    /// Stage id.
    pub stage_id: String,
    /// Amount as typed (may be empty: unknown yet).
    pub amount: String,
    /// Next step.
    pub next_step: String,
    /// Next-step date as typed (ISO from a date input, or DD.MM.YYYY).
    pub next_step_date: String,
}

impl DealDraft {
    /// The form filled with an existing deal, for editing.
    pub fn from_deal(d: &Deal) -> Self {
        DealDraft {
            title: d.title.clone(),
            stage_id: d.stage_id.to_string(),
            amount: if d.amount == Money::ZERO {
                String::new()
            } else {
                d.amount.to_input()
            },
            next_step: d.next_step.clone(),
            next_step_date: d
                .next_step_date
                .map(super::dates::iso_date)
                .unwrap_or_default(),
        }
    }

    /// Validates the fields into a deal for `client_id` owned by `owner_id`.
    pub fn to_deal(
        &self,
        id: Id,
        client_id: Id,
        owner_id: Id,
        created_at: Timestamp,
    ) -> Result<Deal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push((Field::Name, Problem::Required));
        }
        let amount = match self.amount.trim() {
            "" => Money::ZERO,
            typed => Money::parse(typed).unwrap_or_else(|e| {
                errors.push((Field::Amount, e.into()));
                Money::ZERO
            }),
        };
        let next_step_date = match self.next_step_date.trim() {
            "" => None,
            typed => {
                let parsed = parse_date(typed);
                if parsed.is_none() {
                    errors.push((Field::NextStepDate, Problem::Date));
                }
                parsed
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Deal {
            id,
            client_id,
            title: title.to_owned(),
            stage_id: Id::from_raw(self.stage_id.trim()),
            amount,
            owner_id,
            next_step: self.next_step.trim().to_owned(),
            next_step_date,
            closed: None,
            checklist_done: Vec::new(),
            created_at,
            updated_at: created_at,
            stamps: Default::default(),
        })
    }
}

fn valid_phone(phone: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || " +-()".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    phone.chars().all(allowed) && (10..=15).contains(&digits)
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::t0;

    fn filled() -> ClientDraft {
        ClientDraft {
            name: "  ООО «Вектор» ".into(),
            inn: "7707083893".into(),
            kpp: "773601001".into(),
            contact_name: "Андрей Лебедев".into(),
            phone: "+7 (912) 345-67-89".into(),
            email: "lebedev@vector.ru".into(),
            owner_id: "ivan".into(),
            status: Some(ClientStatus::Prospect),
            notes: "Ждут КП до пятницы\n".into(),
            yearly_spend: "12 000 000".into(),
        }
    }

    #[test]
    fn the_yearly_spend_is_optional_but_must_be_an_amount() {
        let c = filled().to_client(Id::from_raw("c1"), t0()).unwrap();
        assert_eq!(c.yearly_spend, Some(Money::from_rubles(12_000_000)));
        assert_eq!(ClientDraft::from_client(&c).yearly_spend, "12 000 000");
        let mut d = filled();
        d.yearly_spend = " ".into();
        assert_eq!(
            d.to_client(Id::from_raw("c1"), t0()).unwrap().yearly_spend,
            None
        );
        d.yearly_spend = "много".into();
        let errors = d.to_client(Id::from_raw("c1"), t0()).unwrap_err();
        assert!(matches!(
            errors[..],
            [(Field::YearlySpend, Problem::Money(_))]
        ));
    }

    #[test]
    fn a_valid_draft_becomes_a_client() {
        let c = filled().to_client(Id::from_raw("c1"), t0()).unwrap();
        assert_eq!(c.name, "ООО «Вектор»");
        assert_eq!(c.inn.as_deref(), Some("7707083893"));
        assert_eq!(c.status, ClientStatus::Prospect);
        assert_eq!(c.notes, "Ждут КП до пятницы");
        assert_eq!(ClientDraft::from_client(&c).name, "ООО «Вектор»");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let draft = ClientDraft {
            name: " ".into(),
            inn: "7707083894".into(),
            phone: "12-34".into(),
            email: "lebedev@vector".into(),
            owner_id: "".into(),
            ..filled()
        };
        let errors = draft.to_client(Id::from_raw("c1"), t0()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (Field::Name, Problem::Required),
                (Field::Inn, Problem::Inn(InnError::BadChecksum)),
                (Field::Phone, Problem::Phone),
                (Field::Email, Problem::Email),
                (Field::Owner, Problem::Required),
            ]
        );
    }

    #[test]
    fn optional_fields_may_be_empty() {
        let draft = ClientDraft {
            name: "ИП Орлов".into(),
            owner_id: "ivan".into(),
            ..Default::default()
        };
        let c = draft.to_client(Id::from_raw("c2"), t0()).unwrap();
        assert_eq!(c.inn, None);
        assert_eq!(c.status, ClientStatus::Lead);
    }

    #[test]
    fn email_and_phone_rules() {
        assert!(valid_email("a@b.ru"));
        assert!(!valid_email("a@b"));
        assert!(!valid_email("@b.ru"));
        assert!(!valid_email("a b@c.ru"));
        assert!(!valid_email("a@b@c.ru"));
        assert!(valid_phone("8 800 555-35-35"));
        assert!(valid_phone("+7(495)1234567"));
        assert!(!valid_phone("555-35-35"));
        assert!(!valid_phone("+7 912 ABC"));
    }

    #[test]
    fn deal_drafts_parse_amount_and_date() {
        let draft = DealDraft {
            title: "Пилотная поставка".into(),
            stage_id: "stage-lead".into(),
            amount: "1 250 000,50".into(),
            next_step: "Созвон с ЛПР".into(),
            next_step_date: "05.02.2026".into(),
        };
        let d = draft
            .to_deal(
                Id::from_raw("d1"),
                Id::from_raw("c1"),
                Id::from_raw("ivan"),
                t0(),
            )
            .unwrap();
        assert_eq!(d.amount, Money::from_kopecks(125_000_050));
        assert_eq!(
            d.next_step_date,
            chrono::NaiveDate::from_ymd_opt(2026, 2, 5)
        );
        assert_eq!(DealDraft::from_deal(&d).next_step_date, "2026-02-05");

        let bad = DealDraft {
            title: "".into(),
            amount: "сто".into(),
            next_step_date: "32.01.2026".into(),
            ..draft
        };
        let errors = bad
            .to_deal(
                Id::from_raw("d1"),
                Id::from_raw("c1"),
                Id::from_raw("ivan"),
                t0(),
            )
            .unwrap_err();
        assert_eq!(
            errors,
            vec![
                (Field::Name, Problem::Required),
                (Field::Amount, Problem::Money(MoneyParseError::NotANumber)),
                (Field::NextStepDate, Problem::Date),
            ]
        );
    }
}
