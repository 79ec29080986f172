//! A customer user buys an Azure reservation: the rules, the price the partner is billed,
//! and the order placed by that user.

use crate::activity::{ActivityAction, ActivityDetail};
use crate::caller::Caller;
use crate::clock::Clock;
use crate::error::{DomainError, PurchaseProblem};
use crate::ids::{AzureSubscriptionId, CustomerUpn, OrderId, ReservationOrderId};
use crate::orders::{BillingCycle, Order, OrderLineItem, PlacedBy, ProductKind};
use crate::permissions::Permission;
use crate::purchases::catalog::{self, BillingPlan, Region, Term, VmSize, MAX_RESERVATION_QUANTITY};
use crate::purchases::{AppliedScope, Benefit, BenefitSale, BenefitTerms, Reservation, ReservationPurchase};
use crate::store::{Change, PartnerStore};

/// A reservation as the customer asks for it (Azure's `PUT …/reservationOrders/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationRequest {
    /// Chosen by the caller: asking again with the same id buys nothing more.
    pub id: ReservationOrderId,
    pub size: VmSize,
    pub region: Region,
    pub term: Term,
    pub billing_plan: BillingPlan,
    pub quantity: u32,
    pub billing_subscription: AzureSubscriptionId,
    pub scope: AppliedScope,
    pub renew: bool,
    /// Empty: named as the portal names it.
    pub display_name: String,
}

/// The longest display name accepted, in characters.
pub const MAX_DISPLAY_NAME: usize = 64;

/// A display name as typed: trimmed, without control characters, at most 64 characters.
pub(crate) fn check_display_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.chars().count() > MAX_DISPLAY_NAME {
        return Err(DomainError::InvalidPurchase(PurchaseProblem::NameTooLong));
    }
    if name.chars().any(char::is_control) {
        return Err(DomainError::InvalidPurchase(PurchaseProblem::NameHasControlCharacters));
    }
    Ok(name.to_string())
}

impl ReservationRequest {
    /// What the request must be, whoever sends it and whatever it is for (a purchase, its
    /// price, an exchange): 1 to 1000 instances and a display name [`check_display_name`]
    /// takes. The display name as kept.
    pub fn check(&self) -> Result<String, DomainError> {
        if self.quantity == 0 || self.quantity > MAX_RESERVATION_QUANTITY {
            return Err(DomainError::InvalidPurchase(PurchaseProblem::Quantity));
        }
        check_display_name(&self.display_name)
    }
}

impl PartnerStore {
    /// The checks every self-service purchase passes, in the order the customer meets them:
    /// the partner allows the product; the customer has an active Azure subscription; the
    /// subscriptions named are the customer's own; the buyer is Owner of them.
    pub(crate) fn check_self_service_purchase(
        &self,
        buyer: &CustomerUpn,
        permission: Permission,
        billing_subscription: &AzureSubscriptionId,
        scope: &AppliedScope,
    ) -> Result<crate::ids::CustomerId, DomainError> {
        let (customer, user) = self.customer_user(buyer)?;
        let customer_id = customer.id;
        if !self.permissions_of(&customer_id).contains(&permission) {
            return Err(DomainError::PurchaseNotAllowed { permission, partner_name: self.partner.company_name.clone() });
        }
        let eligible: Vec<AzureSubscriptionId> = self
            .subscriptions_of(&customer_id)
            .iter()
            .filter(|s| s.is_active_azure())
            .flat_map(|s| s.azure_subscription_ids.iter().copied())
            .collect();
        if eligible.is_empty() {
            return Err(DomainError::NoEligibleSubscriptions);
        }
        let mut named = vec![*billing_subscription];
        if let AppliedScope::Single(scope) = scope {
            named.push(*scope);
        }
        for azure in &named {
            if !eligible.contains(azure) {
                return Err(DomainError::UnknownAzureSubscription(*azure));
            }
            let owner = self
                .role_assignments_of(&customer_id)
                .iter()
                .any(|a| a.azure_subscription_id == *azure && a.principal_id == user.id && a.role == crate::subscriptions::AzureRole::Owner);
            if !owner {
                return Err(DomainError::NotOwnerOfSubscription(*azure));
            }
        }
        Ok(customer_id)
    }

    /// Decides a customer user's reservation purchase. `Ok(None)`: this reservation order
    /// was bought already (the same id), nothing more is bought.
    pub fn decide_reservation_purchase(
        &self,
        buyer: &CustomerUpn,
        request: ReservationRequest,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let (customer, _) = self.customer_user(buyer)?;
        let customer_id = customer.id;
        if let Some(owner) = self.reservations.iter().find_map(|(c, list)| list.iter().any(|r| r.id == request.id).then_some(*c)) {
            return if owner == customer_id { Ok(None) } else { Err(DomainError::PurchaseIdTaken) };
        }
        let display_name = request.check()?;
        self.check_self_service_purchase(buyer, Permission::AzureReservations, &request.billing_subscription, &request.scope)?;

        let now = clock.now();
        let (reservation, order) = new_reservation(customer_id, request, display_name, PlacedBy::Customer(buyer.clone()), buyer.clone(), now);
        let record = self.record(now, &customer_id, ActivityAction::CreateOrder, Caller::Customer(buyer.clone()), Some(ActivityDetail::of_order(&order)))?;
        Ok(Some(Change::ReservationPurchased(ReservationPurchase { reservation, order, record })))
    }
}

/// A reservation bought now, and the order the partner is billed by (placed by `placed_by`:
/// the customer user, or the partner's staff in an exchange); `purchased_by` is the customer
/// user it belongs to.
pub(crate) fn new_reservation(
    customer_id: crate::ids::CustomerId,
    request: ReservationRequest,
    display_name: String,
    placed_by: PlacedBy,
    purchased_by: CustomerUpn,
    now: time::OffsetDateTime,
) -> (Reservation, Order) {
    let price = catalog::reservation_price(request.size, request.region, request.term, request.quantity);
    let display_name = if display_name.is_empty() {
        format!("VM_RI_{}", crate::dates::format_date(now.date()))
    } else {
        display_name
    };
    let order_id = OrderId::from_uuid(uuid::Uuid::from_u128(request.id.as_uuid().as_u128() ^ 0x5e1f_0000_0000_0000_0000_0000_0000_0000));
    let scope_name = match request.scope {
        AppliedScope::Single(_) => "single",
        AppliedScope::Shared => "shared",
    };
    let sale = BenefitSale { customer_id, order_id, purchased_by, price };
    let line = OrderLineItem {
        line_item_number: 0,
        kind: ProductKind::Reservation,
        offer_id: format!("{}:0001", request.size.product_id()),
        subscription_id: None,
        friendly_name: format!("Reserved VM Instance, {}, {}", request.size.sku_name(), request.region.location()),
        quantity: request.quantity,
        term_duration: Some(request.term.iso().to_string()),
        provisioning_context: vec![
            ("scope".to_string(), scope_name.to_string()),
            ("subscriptionId".to_string(), request.billing_subscription.to_string()),
            ("duration".to_string(), duration_name(request.term).to_string()),
        ],
        total: price.total,
    };
    let order = Benefit::order(&sale, request.billing_plan, line, placed_by, now);
    let terms = BenefitTerms {
        term: request.term,
        billing_plan: request.billing_plan,
        billing_subscription: request.billing_subscription,
        scope: request.scope,
        renew: request.renew,
    };
    let reservation = Reservation {
        id: request.id,
        benefit: Benefit::bought(sale, display_name, terms, now),
        size: request.size,
        region: request.region,
        quantity: request.quantity,
    };
    (reservation, order)
}

/// The order's billing cycle for a billing plan: upfront is one payment, monthly is monthly.
pub(crate) fn billing_cycle(plan: BillingPlan) -> BillingCycle {
    match plan {
        BillingPlan::Upfront => BillingCycle::OneTime,
        BillingPlan::Monthly => BillingCycle::Monthly,
    }
}

/// Partner Center's `duration` in a provisioning context.
pub(crate) fn duration_name(term: Term) -> &'static str {
    match term {
        Term::OneYear => "1Year",
        Term::ThreeYears => "3Years",
    }
}
