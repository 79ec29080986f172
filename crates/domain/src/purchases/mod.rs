//! What a customer user buys on their own, as the Azure portal sells it: Azure reservations
//! and Azure savings plans, billed to the partner. Whether they may is the partner's call
//! (customer permissions) and Azure's (Owner on the subscription).

pub mod catalog;
mod expiry;
mod lifecycle;
mod notifications;
mod requests;
mod reservation_purchase;
mod savings_plan_purchase;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::activity::ActivityRecord;
use crate::caller::Caller;
use crate::error::DomainError;
use crate::ids::{AzureSubscriptionId, CustomerId, CustomerUpn, OrderId, ReservationOrderId, SavingsPlanOrderId};
use crate::money::Usd;
use crate::orders::{Order, OrderLineItem, OrderStatus, PlacedBy};
use crate::store::PartnerStore;

pub use catalog::{BillingPlan, Price, Region, Term, VmSize};
pub use lifecycle::{
    BenefitId, BenefitItem, BenefitUpdate, ExchangeQuote, PurchasedBenefit, RefundQuote, ReservationExchange,
    ReservationReturn, REFUND_LIMIT,
};
pub use expiry::{BenefitExpiry, Renewal};
pub use notifications::{MarkRead, Notification, NotificationAbout, NotificationFeed, NotificationsRead};
pub(crate) use notifications::ReadStates;
pub use requests::{CustomerRequest, RequestDecline, RequestKind, RequestStatus, MAX_REQUEST_TEXT};
pub use reservation_purchase::ReservationRequest;
pub use savings_plan_purchase::{is_valid_alias, SavingsPlanRequest};

/// Where a reservation's or savings plan's discount applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppliedScope {
    /// One Azure subscription.
    Single(AzureSubscriptionId),
    /// Every Azure subscription of the customer under the partner.
    Shared,
}

impl AppliedScope {
    /// Azure's `appliedScopeType`.
    pub fn azure_name(self) -> &'static str {
        match self {
            Self::Single(_) => "Single",
            Self::Shared => "Shared",
        }
    }
}

/// Azure's `provisioningState` of what was bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BenefitStatus {
    Succeeded,
    Cancelled,
    Expired,
}

impl BenefitStatus {
    pub fn azure_name(self) -> &'static str {
        match self {
            Self::Succeeded => "Succeeded",
            Self::Cancelled => "Cancelled",
            Self::Expired => "Expired",
        }
    }
}

/// What a customer bought, whatever it is (a reservation or a savings plan): whose it is, the
/// order the partner is billed by, its term and billing, where it applies, whether it renews,
/// its state and dates, who bought it and its price. What happens to it afterwards (renewal,
/// a refund's remaining value, expiry) is written once, on this; a [`Reservation`] and a
/// [`SavingsPlan`] each add what is theirs (and reach this through `Deref`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benefit {
    pub customer_id: CustomerId,
    /// The Partner Center order the partner is billed by.
    pub order_id: OrderId,
    pub display_name: String,
    pub term: Term,
    pub billing_plan: BillingPlan,
    pub billing_subscription: AzureSubscriptionId,
    pub scope: AppliedScope,
    pub renew: bool,
    pub status: BenefitStatus,
    #[serde(with = "time::serde::timestamp")]
    pub effective: OffsetDateTime,
    #[serde(with = "time::serde::timestamp")]
    pub expiry: OffsetDateTime,
    pub purchased_by: CustomerUpn,
    pub price: Price,
    /// The purchase this one renews: it started when that one expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed_from: Option<BenefitId>,
    /// The purchase that renewed this one when it expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed_as: Option<BenefitId>,
}

/// What a purchase request sets that every benefit has.
pub(crate) struct BenefitTerms {
    pub term: Term,
    pub billing_plan: BillingPlan,
    pub billing_subscription: AzureSubscriptionId,
    pub scope: AppliedScope,
    pub renew: bool,
}

/// Who bought a benefit and under which order, and what it costs.
pub(crate) struct BenefitSale {
    pub customer_id: CustomerId,
    pub order_id: OrderId,
    pub purchased_by: CustomerUpn,
    pub price: Price,
}

impl Benefit {
    /// A benefit bought now: in force from `now` to the end of its term.
    pub(crate) fn bought(sale: BenefitSale, display_name: String, terms: BenefitTerms, now: OffsetDateTime) -> Self {
        Self {
            customer_id: sale.customer_id,
            order_id: sale.order_id,
            display_name,
            term: terms.term,
            billing_plan: terms.billing_plan,
            billing_subscription: terms.billing_subscription,
            scope: terms.scope,
            renew: terms.renew,
            status: BenefitStatus::Succeeded,
            effective: now,
            expiry: term_end(now, terms.term),
            purchased_by: sale.purchased_by,
            price: sale.price,
            renewed_from: None,
            renewed_as: None,
        }
    }

    /// The completed order a benefit bought now is billed by: one line, `line`.
    pub(crate) fn order(sale: &BenefitSale, billing_plan: BillingPlan, line: OrderLineItem, placed_by: PlacedBy, now: OffsetDateTime) -> Order {
        Order {
            id: sale.order_id,
            customer_id: sale.customer_id,
            creation_date: now,
            billing_cycle: reservation_purchase::billing_cycle(billing_plan),
            status: OrderStatus::Completed,
            line_items: vec![line],
            placed_by,
        }
    }

    /// Still in force at `now`: bought, neither cancelled nor expired.
    pub fn is_active(&self, now: OffsetDateTime) -> bool {
        self.status == BenefitStatus::Succeeded && self.expiry > now
    }
}

/// An Azure reservation a customer user bought (its reservation order, with one reservation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reservation {
    pub id: ReservationOrderId,
    /// What every benefit has (kept in the same JSON object: data saved before it was
    /// factored out still loads).
    #[serde(flatten)]
    pub benefit: Benefit,
    pub size: VmSize,
    pub region: Region,
    pub quantity: u32,
}

/// An Azure savings plan a customer user bought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavingsPlan {
    pub id: SavingsPlanOrderId,
    /// The name it was bought under (`savingsPlanOrderAliases/{name}`).
    pub alias: String,
    #[serde(flatten)]
    pub benefit: Benefit,
    /// The hourly commitment.
    pub hourly_commitment: Usd,
}

impl std::ops::Deref for Reservation {
    type Target = Benefit;

    fn deref(&self) -> &Benefit {
        &self.benefit
    }
}

impl std::ops::DerefMut for Reservation {
    fn deref_mut(&mut self) -> &mut Benefit {
        &mut self.benefit
    }
}

impl std::ops::Deref for SavingsPlan {
    type Target = Benefit;

    fn deref(&self) -> &Benefit {
        &self.benefit
    }
}

impl std::ops::DerefMut for SavingsPlan {
    fn deref_mut(&mut self) -> &mut Benefit {
        &mut self.benefit
    }
}

/// A reservation bought: the reservation, the order the partner is billed by, the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationPurchase {
    pub reservation: Reservation,
    pub order: Order,
    pub record: ActivityRecord,
}

/// A savings plan bought: the plan, the order the partner is billed by, the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavingsPlanPurchase {
    pub savings_plan: SavingsPlan,
    pub order: Order,
    pub record: ActivityRecord,
}

/// The end of a term that starts at `start`.
pub(crate) fn term_end(start: OffsetDateTime, term: Term) -> OffsetDateTime {
    let years = term.years() as i32;
    start
        .replace_year(start.year() + years)
        .unwrap_or_else(|_| start + time::Duration::days(365 * i64::from(term.years())))
}

/// Reading what customers bought.
impl PartnerStore {
    /// That `caller` may read `customer`'s purchases: any partner user, or a user of that
    /// customer. To a user of another customer it is unknown.
    fn check_purchase_reader(&self, caller: &Caller, customer: &CustomerId) -> Result<(), DomainError> {
        match caller {
            Caller::Partner(partner) => self.check_customer(partner, customer),
            Caller::Customer(upn) => {
                let (own, _) = self.customer_user(upn)?;
                if own.id == *customer {
                    Ok(())
                } else {
                    Err(DomainError::UnknownCustomer(*customer))
                }
            }
        }
    }

    /// The customer's reservations, newest first.
    pub fn reservations(&self, caller: &Caller, customer: &CustomerId) -> Result<Vec<Reservation>, DomainError> {
        self.check_purchase_reader(caller, customer)?;
        let mut list: Vec<Reservation> = self.reservations.get(customer).cloned().unwrap_or_default();
        list.reverse();
        list.sort_by_key(|p| std::cmp::Reverse(p.effective));
        Ok(list)
    }

    /// The customer's savings plans, newest first.
    pub fn savings_plans(&self, caller: &Caller, customer: &CustomerId) -> Result<Vec<SavingsPlan>, DomainError> {
        self.check_purchase_reader(caller, customer)?;
        let mut list: Vec<SavingsPlan> = self.savings_plans.get(customer).cloned().unwrap_or_default();
        list.reverse();
        list.sort_by_key(|p| std::cmp::Reverse(p.effective));
        Ok(list)
    }

    /// One reservation order, to a partner user or a user of its customer.
    pub fn reservation(&self, caller: &Caller, id: &ReservationOrderId) -> Result<Reservation, DomainError> {
        let found = self.reservations.values().flatten().find(|r| r.id == *id).ok_or(DomainError::UnknownReservation(*id))?;
        self.check_purchase_reader(caller, &found.customer_id).map_err(|_| DomainError::UnknownReservation(*id))?;
        Ok(found.clone())
    }

    /// One savings plan, by its order id, to a partner user or a user of its customer.
    pub fn savings_plan(&self, caller: &Caller, id: &SavingsPlanOrderId) -> Result<SavingsPlan, DomainError> {
        let unknown = || DomainError::UnknownSavingsPlan(id.to_string());
        let found = self.savings_plans.values().flatten().find(|p| p.id == *id).ok_or_else(unknown)?;
        self.check_purchase_reader(caller, &found.customer_id).map_err(|_| unknown())?;
        Ok(found.clone())
    }

    /// One savings plan, by the name it was bought under, to a partner user or a user of
    /// its customer.
    pub fn savings_plan_by_alias(&self, caller: &Caller, alias: &str) -> Result<SavingsPlan, DomainError> {
        let unknown = || DomainError::UnknownSavingsPlan(alias.chars().take(64).collect());
        let own = match caller {
            Caller::Customer(upn) => Some(self.customer_user(upn)?.0.id),
            Caller::Partner(partner) => {
                self.partner_user(partner)?;
                None
            }
        };
        let found = self
            .savings_plans
            .iter()
            .filter(|(customer, _)| own.is_none_or(|own| own == **customer))
            .flat_map(|(_, plans)| plans)
            .find(|p| p.alias.eq_ignore_ascii_case(alias))
            .ok_or_else(unknown)?;
        Ok(found.clone())
    }
}
