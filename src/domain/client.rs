//! Client companies: from a lead to a regular («постоянный») client.

use super::dates::Timestamp;
use super::ids::Id;
use super::money::Money;
use super::stamps::Stamps;
use serde::{Deserialize, Serialize};

/// Where a client stands in its life with us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    /// Лид: a name and a contact, nothing qualified yet.
    Lead,
    /// Потенциальный: qualified, being worked on.
    Prospect,
    /// Новый: has placed a first order.
    New,
    /// Постоянный: passed to a farmer by the transfer rule.
    Regular,
    /// Спящий: no orders for a long while (180 days by default).
    Sleeping,
    /// Потерян: no orders for a year (365 days by default).
    Lost,
}

impl ClientStatus {
    /// Every status in life-cycle order.
    pub const ALL: [ClientStatus; 6] = [
        ClientStatus::Lead,
        ClientStatus::Prospect,
        ClientStatus::New,
        ClientStatus::Regular,
        ClientStatus::Sleeping,
        ClientStatus::Lost,
    ];
}

/// The person we talk to at the client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Full name, e.g. «Андрей Викторович Лебедев».
    #[serde(default)]
    pub name: String,
    /// Phone as typed, e.g. «+7 912 345-67-89».
    #[serde(default)]
    pub phone: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
}

/// A client company (or a lead that may become one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// Stable unique id.
    pub id: Id,
    /// Company name, e.g. «ООО „Вектор“».
    pub name: String,
    /// ИНН, digits only, validated by its check digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
    /// КПП, 9 digits (see [`super::kpp`]); companies have one, sole traders do not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpp: Option<String>,
    /// The contact person.
    #[serde(default)]
    pub contact: ContactPerson,
    /// The team member who owns the client.
    pub owner_id: Id,
    /// Life-cycle status.
    pub status: ClientStatus,
    /// Free-form notes: promises, open questions, context for a colleague.
    #[serde(default)]
    pub notes: String,
    /// The farmer's estimate of what the client spends per year on what we sell, from every
    /// supplier: the denominator of the share of wallet. Unknown for most clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_spend: Option<Money>,
    /// When the record was created (its date is the client's «created date»).
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Client {
    "name" => name,
    "inn" => inn,
    "kpp" => kpp,
    "contact.name" => contact.name,
    "contact.phone" => contact.phone,
    "contact.email" => contact.email,
    "owner_id" => owner_id,
    "status" => status,
    "notes" => notes,
    "yearly_spend" => yearly_spend,
});

impl Client {
    /// Whether the client matches a search text (name, ИНН, contact, phone digits, e-mail),
    /// case-insensitively. `needle` must already be lower-case.
    pub fn matches(&self, needle: &str) -> bool {
        if needle.is_empty() {
            return true;
        }
        let hay = [
            self.name.as_str(),
            self.contact.name.as_str(),
            self.contact.email.as_str(),
            self.notes.as_str(),
        ];
        if hay.iter().any(|h| h.to_lowercase().contains(needle)) {
            return true;
        }
        // Phones and ИНН are compared by digits so «912 345» finds «+7 (912) 345-67-89».
        let needle_digits: String = needle.chars().filter(char::is_ascii_digit).collect();
        if needle_digits.is_empty() || needle_digits.len() * 2 < needle.chars().count() {
            return false;
        }
        let phone_digits: String = self
            .contact
            .phone
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        phone_digits.contains(&needle_digits)
            || self
                .inn
                .as_deref()
                .is_some_and(|inn| inn.contains(&needle_digits))
    }
}
