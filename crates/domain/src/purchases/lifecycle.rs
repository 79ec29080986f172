//! What happens to a purchase afterwards, as Azure's reservations work: the partner's Admin
//! agents renew, cancel (return, with a refund) and exchange on the customer's behalf
//! (admin-on-behalf-of). A CSP customer cannot do any of it: they ask their partner
//! (`requests.rs`), and a request is approved by doing what it asks, under the same rules.
//!
//! - A refund is the remaining prorated value, at the lower of the purchase price and
//!   today's; a customer's refunds are capped at USD 50,000 in any rolling 12 months.
//! - An exchange returns (part of) a reservation for a new one worth at least the remaining
//!   value returned; no fee, and it does not count against the refund limit.
//! - Renewal is a setting of each reservation and savings plan; savings plans cannot be
//!   cancelled or exchanged, only renewed and renamed.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::activity::{ActivityAction, ActivityDetail};
use crate::caller::Caller;
use crate::clock::Clock;
use crate::error::{DomainError, PurchaseProblem};
use crate::ids::{CustomerId, PartnerUserId, RequestId, ReservationOrderId, SavingsPlanOrderId};
use crate::money::Usd;
use crate::orders::{Order, PlacedBy};
use crate::purchases::catalog;
use crate::purchases::requests::RequestKind;
use crate::purchases::reservation_purchase::{check_display_name, new_reservation};
use crate::purchases::{Benefit, BenefitStatus, Reservation, ReservationRequest, SavingsPlan};
use crate::store::{Change, PartnerStore};

/// USD 50,000: the most a customer can be refunded in any rolling 12 months.
pub const REFUND_LIMIT: Usd = Usd::from_cents(5_000_000);

/// Which purchase: a reservation order or a savings plan order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BenefitId {
    Reservation(ReservationOrderId),
    SavingsPlan(SavingsPlanOrderId),
}

/// A purchase, whichever kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BenefitItem {
    Reservation(Reservation),
    SavingsPlan(SavingsPlan),
}

impl BenefitItem {
    pub fn id(&self) -> BenefitId {
        match self {
            Self::Reservation(r) => BenefitId::Reservation(r.id),
            Self::SavingsPlan(p) => BenefitId::SavingsPlan(p.id),
        }
    }

    /// How many: a reservation's instances; a savings plan is one.
    pub fn quantity(&self) -> u32 {
        match self {
            Self::Reservation(r) => r.quantity,
            Self::SavingsPlan(_) => 1,
        }
    }

    /// What every purchase has.
    pub fn benefit(&self) -> &Benefit {
        match self {
            Self::Reservation(r) => &r.benefit,
            Self::SavingsPlan(p) => &p.benefit,
        }
    }
}

/// A purchase as the partner's Reservations page lists it: what was bought, and who placed
/// its order (the customer's user, or the partner's staff in an exchange).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchasedBenefit {
    pub item: BenefitItem,
    pub placed_by: PlacedBy,
    /// The customer's company name.
    pub customer_name: String,
}

/// What returning (part of) a reservation would refund, and the customer's refund limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundQuote {
    pub reservation: ReservationOrderId,
    pub quantity: u32,
    /// The remaining prorated value of the quantity returned, at the lower of the purchase
    /// price and today's.
    pub refund: Usd,
    /// What the customer was refunded in the last 12 months.
    pub consumed: Usd,
    pub limit: Usd,
}

impl RefundQuote {
    /// What is left of the limit before this refund.
    pub fn remaining(&self) -> Usd {
        self.limit.minus(self.consumed)
    }

    pub fn within_limit(&self) -> bool {
        self.consumed.plus(self.refund) <= self.limit
    }
}

/// What exchanging (part of) a reservation for a new one would come to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeQuote {
    pub returning: ReservationOrderId,
    pub quantity: u32,
    /// The remaining value of what is returned (not a refund: it does not count against the
    /// limit).
    pub returned_value: Usd,
    /// The new reservation.
    pub purchase: ReservationRequest,
    /// Its total commitment.
    pub purchase_total: Usd,
}

impl ExchangeQuote {
    /// What the customer pays on top (never negative: a smaller new reservation is refused).
    pub fn net_payable(&self) -> Usd {
        self.purchase_total.minus(self.returned_value)
    }

    pub fn is_allowed(&self) -> bool {
        self.purchase_total >= self.returned_value
    }
}

/// A reservation returned: the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationReturn {
    pub customer_id: CustomerId,
    pub reservation: ReservationOrderId,
    pub quantity: u32,
    pub refund: Usd,
    #[serde(with = "time::serde::timestamp")]
    pub at: OffsetDateTime,
    /// The customer's request this does, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approves: Option<RequestId>,
    pub record: crate::activity::ActivityRecord,
}

/// A reservation exchanged: the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationExchange {
    pub customer_id: CustomerId,
    pub returned: ReservationOrderId,
    pub quantity: u32,
    pub returned_value: Usd,
    pub reservation: Reservation,
    pub order: Order,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approves: Option<RequestId>,
    pub record: crate::activity::ActivityRecord,
}

/// A purchase's settings changed (auto-renew, name): the change, with the settings after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitUpdate {
    pub customer_id: CustomerId,
    pub benefit: BenefitId,
    pub renew: bool,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approves: Option<RequestId>,
    pub record: crate::activity::ActivityRecord,
}

/// The remaining share of a term at `now`, in millionths (0 before… 1,000,000 at the start).
fn remaining_share(benefit: &Benefit, now: OffsetDateTime) -> u64 {
    let whole = (benefit.expiry - benefit.effective).whole_seconds().max(1) as u128;
    let left = (benefit.expiry - now).whole_seconds().clamp(0, whole as i64) as u128;
    (left * 1_000_000 / whole) as u64
}

/// One year before `now`: where the rolling 12 months of refunds start.
fn a_year_before(now: OffsetDateTime) -> OffsetDateTime {
    now.replace_year(now.year() - 1).unwrap_or(now - time::Duration::days(365))
}

impl PartnerStore {
    /// The partner user who may exchange, cancel and renew: an Admin agent. A customer user
    /// is told to ask their partner; Sales and Helpdesk agents see it all read-only.
    pub(crate) fn purchase_manager<'a>(&self, caller: &'a Caller) -> Result<&'a PartnerUserId, DomainError> {
        match caller {
            Caller::Customer(upn) => {
                self.customer_user(upn)?;
                Err(DomainError::AskYourPartner {
                    partner_name: self.partner.company_name.clone(),
                    partner_email: self.partner.contact_email.clone(),
                })
            }
            Caller::Partner(id) => {
                let user = self.partner_user(id)?;
                if user.role.may_manage_purchases() {
                    Ok(id)
                } else {
                    Err(DomainError::NotAllowedToManagePurchases { user: id.clone(), role: user.role })
                }
            }
        }
    }

    /// Every purchase the caller may see, newest first: a partner user's of every customer
    /// (or of `customer`), a customer user's of their own company.
    pub fn purchased_benefits(&self, caller: &Caller, customer: Option<&CustomerId>) -> Result<Vec<PurchasedBenefit>, DomainError> {
        let only = self.customers_seen(caller, customer)?;
        let wanted = |c: &CustomerId| only.is_none_or(|o| o == *c);
        let mut found: Vec<PurchasedBenefit> = self
            .reservations
            .iter()
            .filter(|(c, _)| wanted(c))
            .flat_map(|(_, list)| list.iter().map(|r| BenefitItem::Reservation(r.clone())))
            .chain(
                self.savings_plans
                    .iter()
                    .filter(|(c, _)| wanted(c))
                    .flat_map(|(_, list)| list.iter().map(|p| BenefitItem::SavingsPlan(p.clone()))),
            )
            .map(|item| PurchasedBenefit {
                placed_by: self.placed_by(item.benefit()),
                customer_name: self.customer_name(&item.benefit().customer_id),
                item,
            })
            .collect();
        found.sort_by(|a, b| b.item.benefit().effective.cmp(&a.item.benefit().effective));
        Ok(found)
    }

    /// Whose purchases and requests the caller sees, asking for `customer`: a partner user's
    /// of that customer, or of every customer (`None`); a customer user's of their own company
    /// (another customer is unknown to them).
    pub(crate) fn customers_seen(&self, caller: &Caller, customer: Option<&CustomerId>) -> Result<Option<CustomerId>, DomainError> {
        match (caller, customer) {
            (Caller::Partner(id), Some(customer)) => {
                self.check_customer(id, customer)?;
                Ok(Some(*customer))
            }
            (Caller::Partner(id), None) => {
                self.partner_user(id)?;
                Ok(None)
            }
            (Caller::Customer(upn), asked) => {
                let own = self.customer_user(upn)?.0.id;
                match asked {
                    Some(other) if *other != own => Err(DomainError::UnknownCustomer(*other)),
                    _ => Ok(Some(own)),
                }
            }
        }
    }

    /// Who placed the order of a purchase: the customer's user, or the partner's staff (an
    /// exchange).
    pub fn placed_by(&self, benefit: &Benefit) -> PlacedBy {
        self.orders
            .get(&benefit.customer_id)
            .and_then(|orders| orders.iter().find(|o| o.id == benefit.order_id))
            .map(|o| o.placed_by.clone())
            .unwrap_or_else(|| PlacedBy::Customer(benefit.purchased_by.clone()))
    }

    /// The company name of a customer (empty for one the store does not have).
    pub fn customer_name(&self, id: &CustomerId) -> String {
        self.customers.get(id).map(|c| c.company_name.clone()).unwrap_or_default()
    }

    /// A reservation still active at `now`, by its order id.
    fn active_reservation(&self, id: &ReservationOrderId, now: OffsetDateTime) -> Result<&Reservation, DomainError> {
        let found = self.reservations.values().flatten().find(|r| r.id == *id).ok_or(DomainError::UnknownReservation(*id))?;
        if !found.is_active(now) {
            return Err(DomainError::BenefitNotActive);
        }
        Ok(found)
    }

    /// What the customer was refunded since `since`.
    fn refunds_since(&self, customer: &CustomerId, since: OffsetDateTime) -> Usd {
        self.commerce
            .iter()
            .filter_map(|change| match change {
                Change::ReservationReturned(r) if r.customer_id == *customer && r.at > since => Some(r.refund),
                _ => None,
            })
            .fold(Usd::ZERO, Usd::plus)
    }

    /// The remaining value of `quantity` of `reservation` at `now`, at the lower of the price
    /// paid and today's.
    fn remaining_value(&self, reservation: &Reservation, quantity: u32, now: OffsetDateTime) -> Usd {
        let paid = reservation.price.total.per(u64::from(reservation.quantity.max(1)));
        let today = catalog::reservation_price(reservation.size, reservation.region, reservation.term, 1).total;
        let unit = paid.min(today);
        unit.times(u64::from(quantity)).share(remaining_share(reservation, now))
    }

    fn check_quantity(reservation: &Reservation, quantity: u32) -> Result<(), DomainError> {
        if quantity == 0 {
            return Err(DomainError::InvalidPurchase(PurchaseProblem::Quantity));
        }
        if quantity > reservation.quantity {
            return Err(DomainError::QuantityNotAvailable { available: reservation.quantity });
        }
        Ok(())
    }

    /// What returning `quantity` of a reservation would refund now (Azure's
    /// `calculateRefund`), for the partner's staff; a customer user is told to ask.
    pub fn quote_refund(&self, caller: &Caller, id: &ReservationOrderId, quantity: u32, now: OffsetDateTime) -> Result<RefundQuote, DomainError> {
        self.check_purchase_viewer(caller)?;
        let reservation = self.active_reservation(id, now)?;
        Self::check_quantity(reservation, quantity)?;
        Ok(RefundQuote {
            reservation: *id,
            quantity,
            refund: self.remaining_value(reservation, quantity, now),
            consumed: self.refunds_since(&reservation.customer_id, a_year_before(now)),
            limit: REFUND_LIMIT,
        })
    }

    /// Decides returning (cancelling) `quantity` of a reservation, refunded, by an Admin agent;
    /// `approves`, the customer's request this does.
    pub fn decide_return(
        &self,
        caller: &Caller,
        id: &ReservationOrderId,
        quantity: u32,
        approves: Option<RequestId>,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let actor = self.purchase_manager(caller)?;
        let now = clock.now();
        let quote = self.quote_refund(caller, id, quantity, now)?;
        if !quote.within_limit() {
            return Err(DomainError::RefundLimitExceeded { limit: quote.limit, consumed: quote.consumed, refund: quote.refund });
        }
        let reservation = self.active_reservation(id, now)?;
        let customer_id = reservation.customer_id;
        self.check_approval(approves, &customer_id, BenefitId::Reservation(*id), |kind| matches!(kind, RequestKind::Cancel))?;
        let detail = ActivityDetail::Return {
            reservation: *id,
            name: reservation.display_name.clone(),
            quantity_before: reservation.quantity,
            quantity_after: reservation.quantity - quantity,
            refund: quote.refund,
        };
        let record = self.record(now, &customer_id, ActivityAction::CancelReservation, Caller::Partner(actor.clone()), Some(detail))?;
        Ok(Some(Change::ReservationReturned(ReservationReturn {
            customer_id,
            reservation: *id,
            quantity,
            refund: quote.refund,
            at: now,
            approves,
            record,
        })))
    }

    /// What exchanging `quantity` of a reservation for `purchase` would come to (Azure's
    /// `calculateExchange`), for the partner's staff.
    pub fn quote_exchange(
        &self,
        caller: &Caller,
        id: &ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        now: OffsetDateTime,
    ) -> Result<ExchangeQuote, DomainError> {
        self.check_purchase_viewer(caller)?;
        let reservation = self.active_reservation(id, now)?;
        Self::check_quantity(reservation, quantity)?;
        purchase.check()?;
        self.check_customer_subscriptions(&reservation.customer_id, &purchase)?;
        let purchase_total = catalog::reservation_price(purchase.size, purchase.region, purchase.term, purchase.quantity).total;
        Ok(ExchangeQuote {
            returning: *id,
            quantity,
            returned_value: self.remaining_value(reservation, quantity, now),
            purchase,
            purchase_total,
        })
    }

    /// Decides an exchange by an Admin agent: the reservation (or part of it) returned, a new
    /// one bought for the customer (its order placed by the agent).
    pub fn decide_exchange(
        &self,
        caller: &Caller,
        id: &ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let actor = self.purchase_manager(caller)?;
        let now = clock.now();
        if self.reservations.values().flatten().any(|r| r.id == purchase.id) {
            return Err(DomainError::PurchaseIdTaken);
        }
        let quote = self.quote_exchange(caller, id, quantity, purchase, now)?;
        if !quote.is_allowed() {
            return Err(DomainError::ExchangeBelowReturnedValue { returned: quote.returned_value, purchase: quote.purchase_total });
        }
        let returned = self.active_reservation(id, now)?;
        let customer_id = returned.customer_id;
        self.check_approval(approves, &customer_id, BenefitId::Reservation(*id), |kind| matches!(kind, RequestKind::Exchange))?;
        let display_name = check_display_name(&quote.purchase.display_name)?;
        let (reservation, order) = new_reservation(
            customer_id,
            quote.purchase.clone(),
            display_name,
            PlacedBy::Partner(actor.clone()),
            returned.purchased_by.clone(),
            now,
        );
        let detail = ActivityDetail::Exchange {
            returned: *id,
            name: returned.display_name.clone(),
            quantity_returned: quantity,
            returned_value: quote.returned_value,
            new_reservation: reservation.id,
            order_id: order.id,
            product: order.line_items.first().map(|i| i.friendly_name.clone()).unwrap_or_default(),
            quantity: reservation.quantity,
            total: order.total(),
        };
        let record = self.record(now, &customer_id, ActivityAction::ExchangeReservation, Caller::Partner(actor.clone()), Some(detail))?;
        Ok(Some(Change::ReservationExchanged(ReservationExchange {
            customer_id,
            returned: *id,
            quantity,
            returned_value: quote.returned_value,
            reservation,
            order,
            approves,
            record,
        })))
    }

    /// Decides a purchase's new settings by an Admin agent: auto-renew on or off, and (a
    /// savings plan's, or a reservation's) name. `Ok(None)` when nothing changes.
    pub fn decide_benefit_settings(
        &self,
        caller: &Caller,
        benefit: BenefitId,
        renew: bool,
        display_name: Option<&str>,
        approves: Option<RequestId>,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let actor = self.purchase_manager(caller)?;
        let now = clock.now();
        let (current, action) = match benefit {
            BenefitId::Reservation(id) => (&self.active_reservation(&id, now)?.benefit, ActivityAction::UpdateReservation),
            BenefitId::SavingsPlan(id) => {
                let plan = self.savings_plans.values().flatten().find(|p| p.id == id).ok_or(DomainError::UnknownSavingsPlan(id.to_string()))?;
                if !plan.is_active(now) {
                    return Err(DomainError::BenefitNotActive);
                }
                (&plan.benefit, ActivityAction::UpdateSavingsPlan)
            }
        };
        let display_name = match display_name {
            Some(name) => {
                let name = check_display_name(name)?;
                if name.is_empty() { current.display_name.clone() } else { name }
            }
            None => current.display_name.clone(),
        };
        self.check_approval(approves, &current.customer_id, benefit, |kind| *kind == RequestKind::Renew { on: renew })?;
        if renew == current.renew && display_name == current.display_name {
            return Ok(None);
        }
        let detail = ActivityDetail::Settings {
            benefit,
            name_before: current.display_name.clone(),
            name_after: display_name.clone(),
            renew_before: current.renew,
            renew_after: renew,
        };
        let customer_id = current.customer_id;
        let record = self.record(now, &customer_id, action, Caller::Partner(actor.clone()), Some(detail))?;
        Ok(Some(Change::BenefitUpdated(BenefitUpdate { customer_id, benefit, renew, display_name, approves, record })))
    }

    /// A savings plan cannot be cancelled or exchanged (Azure's rule): the refusal, for one
    /// who may see it.
    pub fn refuse_savings_plan_return(&self, caller: &Caller, id: &SavingsPlanOrderId) -> DomainError {
        match self.purchase_manager(caller) {
            Err(refusal @ DomainError::AskYourPartner { .. }) => refusal,
            _ if !self.savings_plans.values().flatten().any(|p| p.id == *id) => DomainError::UnknownSavingsPlan(id.to_string()),
            _ => DomainError::SavingsPlanNotReturnable,
        }
    }

    /// That `caller` may see quotes: any partner user; a customer user is told to ask.
    fn check_purchase_viewer(&self, caller: &Caller) -> Result<(), DomainError> {
        match self.purchase_manager(caller) {
            Ok(_) | Err(DomainError::NotAllowedToManagePurchases { .. }) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// The new reservation of an exchange is billed to and applies to the customer's own
    /// active Azure subscriptions.
    fn check_customer_subscriptions(&self, customer: &CustomerId, purchase: &ReservationRequest) -> Result<(), DomainError> {
        let eligible: Vec<_> = self
            .subscriptions_of(customer)
            .iter()
            .filter(|s| s.is_active_azure())
            .flat_map(|s| s.azure_subscription_ids.iter().copied())
            .collect();
        if eligible.is_empty() {
            return Err(DomainError::NoEligibleSubscriptions);
        }
        let mut named = vec![purchase.billing_subscription];
        if let crate::purchases::AppliedScope::Single(scope) = purchase.scope {
            named.push(scope);
        }
        match named.into_iter().find(|azure| !eligible.contains(azure)) {
            Some(other) => Err(DomainError::UnknownAzureSubscription(other)),
            None => Ok(()),
        }
    }

    /// Applies the lifecycle's changes (called by `apply` once they are kept).
    pub(crate) fn apply_lifecycle(&mut self, change: &Change) {
        match change {
            Change::ReservationReturned(c) => {
                self.return_quantity(&c.customer_id, &c.reservation, c.quantity);
                self.approve(c.approves, &c.customer_id, &c.record);
            }
            Change::ReservationExchanged(c) => {
                self.return_quantity(&c.customer_id, &c.returned, c.quantity);
                self.reservations.entry(c.customer_id).or_default().push(c.reservation.clone());
                self.orders.entry(c.customer_id).or_default().push(c.order.clone());
                self.approve(c.approves, &c.customer_id, &c.record);
            }
            Change::BenefitUpdated(c) => {
                let benefit = match c.benefit {
                    BenefitId::Reservation(id) => self
                        .reservations
                        .get_mut(&c.customer_id)
                        .and_then(|list| list.iter_mut().find(|r| r.id == id))
                        .map(|r| &mut r.benefit),
                    BenefitId::SavingsPlan(id) => self
                        .savings_plans
                        .get_mut(&c.customer_id)
                        .and_then(|list| list.iter_mut().find(|p| p.id == id))
                        .map(|p| &mut p.benefit),
                };
                if let Some(benefit) = benefit {
                    benefit.renew = c.renew;
                    benefit.display_name = c.display_name.clone();
                }
                self.approve(c.approves, &c.customer_id, &c.record);
            }
            _ => {}
        }
    }

    /// `quantity` of a reservation returned: all of it cancels it; part of it leaves the rest,
    /// at the same price each.
    fn return_quantity(&mut self, customer: &CustomerId, id: &ReservationOrderId, quantity: u32) {
        if let Some(reservation) = self.reservations.get_mut(customer).and_then(|list| list.iter_mut().find(|r| r.id == *id)) {
            if quantity >= reservation.quantity {
                reservation.benefit.status = BenefitStatus::Cancelled;
            } else {
                let (before, after) = (u64::from(reservation.quantity), u64::from(reservation.quantity - quantity));
                let price = &mut reservation.benefit.price;
                price.total = price.total.per(before).times(after);
                price.per_month = price.per_month.per(before).times(after);
                reservation.quantity -= quantity;
            }
        }
    }
}
