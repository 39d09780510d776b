//! The playbook: per stage, a short checklist of what the rep does there and when the stage is
//! done. The built-in stages come with items written from the method (their words are in the
//! translation tables, by [`ChecklistItemKey`]); the director may rename, add and remove items,
//! and a stage of the team's own starts with none. A deal keeps its ticks by item id
//! ([`crate::domain::Deal::checklist_done`]), so renaming an item keeps its ticks.

use crate::domain::ids::Id;
use crate::domain::stage::StageKey;
use serde::{Deserialize, Serialize};

/// The longest item text accepted: a checklist line, not a manual.
pub const MAX_ITEM_CHARS: usize = 200;

/// A built-in checklist item; its words come from the translation table unless renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItemKey {
    /// Лид: первый контакт.
    LeadContact,
    /// Лид: узнать, кто принимает решение.
    LeadDecider,
    /// Лид: записать источник.
    LeadSource,
    /// Лид: договориться о разговоре с нужным человеком.
    LeadTalkAgreed,
    /// Квалификация: оценить BANT.
    QualBant,
    /// Квалификация: найти ЛПР.
    QualDecisionMaker,
    /// Квалификация: решить — дорабатывать или идти дальше.
    QualVerdict,
    /// Выявление потребностей: встреча или звонок о ситуации клиента.
    NeedsMeeting,
    /// Выявление потребностей: объёмы и текущий поставщик.
    NeedsVolumes,
    /// Выявление потребностей: потребности записаны, процесс решения известен.
    NeedsWritten,
    /// КП: отправить КП.
    ProposalSend,
    /// КП: согласовать дату ответа.
    ProposalAnswerDate,
    /// КП: клиент прочитал и ответил.
    ProposalAnswered,
    /// Переговоры: отработать возражения.
    NegotiationObjections,
    /// Переговоры: цена, условия, образцы.
    NegotiationTerms,
    /// Переговоры: условия согласованы.
    NegotiationAgreed,
    /// Договор / счёт: договор подписан.
    ContractSigned,
    /// Договор / счёт: счёт выставлен.
    ContractInvoice,
    /// Договор / счёт: счёт оплачен или отгрузка согласована.
    ContractPaid,
    /// Первая продажа: отгрузка.
    FirstShipment,
    /// Первая продажа: первая оплата.
    FirstPayment,
    /// Первая продажа: план передачи клиента.
    FirstHandover,
}

impl ChecklistItemKey {
    /// The built-in items of a built-in stage, in order.
    pub fn defaults(stage: StageKey) -> &'static [ChecklistItemKey] {
        use ChecklistItemKey::*;
        match stage {
            StageKey::Lead => &[LeadContact, LeadDecider, LeadSource, LeadTalkAgreed],
            StageKey::Qualification => &[QualBant, QualDecisionMaker, QualVerdict],
            StageKey::NeedsDiscovery => &[NeedsMeeting, NeedsVolumes, NeedsWritten],
            StageKey::Proposal => &[ProposalSend, ProposalAnswerDate, ProposalAnswered],
            StageKey::Negotiation => &[NegotiationObjections, NegotiationTerms, NegotiationAgreed],
            StageKey::Contract => &[ContractSigned, ContractInvoice, ContractPaid],
            StageKey::FirstSale => &[FirstShipment, FirstPayment, FirstHandover],
        }
    }

    /// The fixed id of the built-in item: the same in every rep's browser, so ticks made on one
    /// copy mean the same item on another.
    pub fn default_id(self) -> Id {
        let name = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Id::from_raw(format!("check-{}", name.replace('_', "-")))
    }
}

/// One line of a stage's checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable id: ticks refer to it.
    pub id: Id,
    /// The built-in item, if it is one (its translated words unless `text` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<ChecklistItemKey>,
    /// The director's words; empty for a built-in item shown in its default words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl ChecklistItem {
    /// A built-in item in its default words.
    pub fn builtin(key: ChecklistItemKey) -> Self {
        ChecklistItem {
            id: key.default_id(),
            key: Some(key),
            text: String::new(),
        }
    }

    /// An item in the director's own words (trimmed).
    pub fn custom(id: Id, text: &str) -> Self {
        ChecklistItem {
            id,
            key: None,
            text: text.trim().to_owned(),
        }
    }

    /// Neither a built-in key nor words.
    pub fn is_blank(&self) -> bool {
        self.key.is_none() && self.text.trim().is_empty()
    }
}

/// The checklist the director set for one stage (an empty list is a stage with no checklist).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChecklist {
    /// The stage. A checklist for a stage no longer in the pipeline is ignored.
    pub stage_id: Id,
    /// The items, in order.
    #[serde(default)]
    pub items: Vec<ChecklistItem>,
}

/// The default checklist of a stage: the method's items for a built-in stage, none for the
/// team's own.
pub fn default_items(stage: Option<StageKey>) -> Vec<ChecklistItem> {
    stage
        .map(|key| {
            ChecklistItemKey::defaults(key)
                .iter()
                .copied()
                .map(ChecklistItem::builtin)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_builtin_stage_has_items_with_unique_fixed_ids() {
        let mut seen = HashSet::new();
        for stage in StageKey::DEFAULT_PIPELINE {
            let items = default_items(Some(stage));
            assert!(items.len() >= 3, "{stage:?}");
            for item in items {
                assert!(item.id.as_str().starts_with("check-"));
                assert!(seen.insert(item.id), "{stage:?}");
            }
        }
        assert_eq!(
            ChecklistItemKey::ProposalSend.default_id().as_str(),
            "check-proposal-send"
        );
        assert!(default_items(None).is_empty());
    }
}
