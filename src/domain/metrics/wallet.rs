//! Share of wallet (доля в клиенте) and the activity status derived from the last order.

use super::ratio::Ratio;
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What our share of the client's category spend makes us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WalletPosition {
    /// Under 10 %: a backup supplier, called when the main one fails.
    Backup,
    /// From 10 % to 60 % inclusive: one of the client's regular suppliers.
    Partner,
    /// Over 60 %: the client's strategic supplier.
    Strategic,
}

/// Our revenue from the client against the client's estimated spend in the category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletShare {
    /// The farmer's estimate of the client's category spend for the same period.
    pub estimate: Money,
    /// Revenue / estimate; may exceed 1 when the estimate was too low.
    pub share: Ratio,
    /// The classification of `share`.
    pub position: WalletPosition,
}

impl WalletShare {
    /// The share of `revenue` in `estimate`, or `None` when there is no usable estimate (zero or
    /// negative). The thresholds are compared exactly: 10 % and 60 % themselves are `Partner`.
    pub fn new(revenue: Money, estimate: Money) -> Option<WalletShare> {
        let estimate_k = u64::try_from(estimate.kopecks()).ok().filter(|e| *e > 0)?;
        let revenue_k = u64::try_from(revenue.kopecks()).unwrap_or(0);
        let share = Ratio::new(revenue_k, estimate_k)?;
        let position = if share < Ratio::new(1, 10)? {
            WalletPosition::Backup
        } else if share > Ratio::new(6, 10)? {
            WalletPosition::Strategic
        } else {
            WalletPosition::Partner
        };
        Some(WalletShare {
            estimate,
            share,
            position,
        })
    }
}

/// Where a client stands by the time since its last order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Ordered recently.
    Active,
    /// Спящий: no order for at least `sleeping_days`.
    Sleeping,
    /// Потерян: no order for at least `lost_days`.
    Lost,
    /// Never ordered (as of the day asked about).
    NoOrders,
}

/// The day counts that make a client sleeping or lost; a director may change them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActivityThresholds {
    /// Days without orders after which a client is sleeping (180 by default).
    pub sleeping_days: u32,
    /// Days without orders after which a client is lost (365 by default).
    pub lost_days: u32,
}

impl Default for ActivityThresholds {
    fn default() -> Self {
        ActivityThresholds {
            sleeping_days: 180,
            lost_days: 365,
        }
    }
}

/// Why activity thresholds cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ThresholdsError {
    /// A client who ordered today cannot be sleeping.
    #[error("the sleeping threshold must be at least one day")]
    ZeroSleeping,
    /// Lost must come after sleeping, or no client would ever be shown as sleeping.
    #[error("the lost threshold must be longer than the sleeping one")]
    LostNotAfterSleeping,
}

impl ActivityThresholds {
    /// Checks that 0 < sleeping < lost.
    pub fn validate(self) -> Result<(), ThresholdsError> {
        if self.sleeping_days == 0 {
            Err(ThresholdsError::ZeroSleeping)
        } else if self.lost_days <= self.sleeping_days {
            Err(ThresholdsError::LostNotAfterSleeping)
        } else {
            Ok(())
        }
    }

    /// The activity for a number of days since the last order (`None`: no order at all). Each
    /// threshold is reached on its day: exactly 180 days is already sleeping.
    pub fn classify(self, days_since_last_order: Option<u32>) -> Activity {
        match days_since_last_order {
            None => Activity::NoOrders,
            Some(days) if days >= self.lost_days => Activity::Lost,
            Some(days) if days >= self.sleeping_days => Activity::Sleeping,
            Some(_) => Activity::Active,
        }
    }
}
