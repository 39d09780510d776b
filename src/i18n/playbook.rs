//! The playbook's values in words: a checklist item's text, and why a change to the stages was
//! refused.

use super::playbook_table::PlaybookText;
use super::translate::{fill, Translate};
use crate::domain::deal_flow::{ChecklistItem, ChecklistItemKey};
use crate::domain::workspace::StageError;
use crate::lang::Lang;

/// A checklist item's words: the director's, or the built-in item's default.
pub fn item_text(lang: Lang, item: &ChecklistItem) -> String {
    if !item.text.trim().is_empty() {
        return item.text.clone();
    }
    item.key
        .map(|key| key_text(key).get(lang).to_owned())
        .unwrap_or_default()
}

fn key_text(key: ChecklistItemKey) -> PlaybookText {
    use ChecklistItemKey as K;
    use PlaybookText as T;
    match key {
        K::LeadContact => T::LeadContact,
        K::LeadDecider => T::LeadDecider,
        K::LeadSource => T::LeadSource,
        K::LeadTalkAgreed => T::LeadTalkAgreed,
        K::QualBant => T::QualBant,
        K::QualDecisionMaker => T::QualDecisionMaker,
        K::QualVerdict => T::QualVerdict,
        K::NeedsMeeting => T::NeedsMeeting,
        K::NeedsVolumes => T::NeedsVolumes,
        K::NeedsWritten => T::NeedsWritten,
        K::ProposalSend => T::ProposalSend,
        K::ProposalAnswerDate => T::ProposalAnswerDate,
        K::ProposalAnswered => T::ProposalAnswered,
        K::NegotiationObjections => T::NegotiationObjections,
        K::NegotiationTerms => T::NegotiationTerms,
        K::NegotiationAgreed => T::NegotiationAgreed,
        K::ContractSigned => T::ContractSigned,
        K::ContractInvoice => T::ContractInvoice,
        K::ContractPaid => T::ContractPaid,
        K::FirstShipment => T::FirstShipment,
        K::FirstPayment => T::FirstPayment,
        K::FirstHandover => T::FirstHandover,
    }
}

/// Why a change to the stages was refused, in words.
pub fn describe_stage_error(lang: Lang, error: &StageError) -> String {
    let t = |k: PlaybookText| k.get(lang);
    match error {
        StageError::BlankName => t(PlaybookText::ErrBlankName).to_owned(),
        StageError::LongName => t(PlaybookText::ErrLongName).to_owned(),
        StageError::DuplicateName(name) => fill(t(PlaybookText::ErrDuplicateName), &[name]),
        StageError::LastStage => t(PlaybookText::ErrLastStage).to_owned(),
        StageError::HasDeals(n) => fill(t(PlaybookText::ErrHasDeals), &[&n.to_string()]),
        StageError::SameStage => t(PlaybookText::ErrSameStage).to_owned(),
    }
}
