//! A customer user buys an Azure savings plan: an hourly commitment for a term, billed to
//! the partner.

use crate::activity::{ActivityAction, ActivityDetail};
use crate::caller::Caller;
use crate::clock::Clock;
use crate::error::{DomainError, PurchaseProblem};
use crate::ids::{AzureSubscriptionId, CustomerId, CustomerUpn, OrderId, SavingsPlanOrderId};
use crate::money::Usd;
use crate::orders::{Order, OrderLineItem, PlacedBy, ProductKind};
use crate::permissions::Permission;
use crate::purchases::catalog::{self, BillingPlan, Term, MAX_HOURLY_COMMITMENT, MIN_HOURLY_COMMITMENT};
use crate::purchases::reservation_purchase::check_display_name;
use crate::purchases::{AppliedScope, Benefit, BenefitSale, BenefitTerms, SavingsPlan, SavingsPlanPurchase};
use crate::rng::DemoRng;
use crate::store::{Change, PartnerStore};

/// A savings plan as the customer asks for it (Azure's
/// `PUT …/savingsPlanOrderAliases/{name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavingsPlanRequest {
    /// The name it is bought under: asking again with the same name buys nothing more.
    pub alias: String,
    /// Empty: the alias.
    pub display_name: String,
    pub hourly_commitment: Usd,
    pub term: Term,
    pub billing_plan: BillingPlan,
    pub billing_subscription: AzureSubscriptionId,
    pub scope: AppliedScope,
    pub renew: bool,
}

/// The longest alias accepted.
pub const MAX_ALIAS: usize = 64;

/// An alias as Azure accepts it: 1 to 64 letters, digits, `-`, `_` or `.`.
pub fn is_valid_alias(alias: &str) -> bool {
    !alias.is_empty() && alias.len() <= MAX_ALIAS && alias.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl PartnerStore {
    /// Decides a customer user's savings plan purchase. `Ok(None)`: a plan was bought under
    /// this name already, nothing more is bought.
    pub fn decide_savings_plan_purchase(
        &self,
        buyer: &CustomerUpn,
        request: SavingsPlanRequest,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        let (customer, _) = self.customer_user(buyer)?;
        let customer_id = customer.id;
        if !is_valid_alias(&request.alias) {
            return Err(DomainError::InvalidPurchase(PurchaseProblem::Alias));
        }
        if let Some(owner) = self
            .savings_plans
            .iter()
            .find_map(|(c, list)| list.iter().any(|p| p.alias.eq_ignore_ascii_case(&request.alias)).then_some(*c))
        {
            return if owner == customer_id { Ok(None) } else { Err(DomainError::PurchaseIdTaken) };
        }
        if request.hourly_commitment < MIN_HOURLY_COMMITMENT {
            return Err(DomainError::InvalidPurchase(PurchaseProblem::CommitmentTooSmall));
        }
        if request.hourly_commitment > MAX_HOURLY_COMMITMENT {
            return Err(DomainError::InvalidPurchase(PurchaseProblem::CommitmentTooLarge));
        }
        let display_name = check_display_name(&request.display_name)?;
        self.check_self_service_purchase(buyer, Permission::AzureSavingsPlan, &request.billing_subscription, &request.scope)?;

        let now = clock.now();
        let mut rng = DemoRng::new(customer_id.as_uuid().as_u64_pair().0 ^ self.next_record_id.rotate_left(24) ^ 0x5a71_6e55);
        let ids = (SavingsPlanOrderId::from_uuid(rng.uuid()), OrderId::from_uuid(rng.uuid()));
        let (savings_plan, order) = new_savings_plan(customer_id, ids, request, display_name, PlacedBy::Customer(buyer.clone()), buyer.clone(), now);
        let record = self.record(now, &customer_id, ActivityAction::CreateOrder, Caller::Customer(buyer.clone()), Some(ActivityDetail::of_order(&order)))?;
        Ok(Some(Change::SavingsPlanPurchased(SavingsPlanPurchase { savings_plan, order, record })))
    }
}

/// A savings plan bought now under `ids` (the plan's order, the Partner Center order), and
/// the order the partner is billed by (placed by `placed_by`); `purchased_by` is the customer
/// user it belongs to.
pub(crate) fn new_savings_plan(
    customer_id: CustomerId,
    (id, order_id): (SavingsPlanOrderId, OrderId),
    request: SavingsPlanRequest,
    display_name: String,
    placed_by: PlacedBy,
    purchased_by: CustomerUpn,
    now: time::OffsetDateTime,
) -> (SavingsPlan, Order) {
    let price = catalog::savings_plan_price(request.hourly_commitment, request.term);
    let display_name = if display_name.is_empty() { request.alias.clone() } else { display_name };
    let mut context = vec![("scope".to_string(), match request.scope {
        AppliedScope::Single(_) => "single".to_string(),
        AppliedScope::Shared => "shared".to_string(),
    })];
    match request.scope {
        AppliedScope::Single(azure) => context.push(("entitlementId".to_string(), azure.to_string())),
        AppliedScope::Shared => context.push(("subscriptionId".to_string(), request.billing_subscription.to_string())),
    }
    let sale = BenefitSale { customer_id, order_id, purchased_by, price };
    let line = OrderLineItem {
        line_item_number: 0,
        kind: ProductKind::SavingsPlan,
        offer_id: format!("{}:{}", catalog::SAVINGS_PLAN_PRODUCT_ID, catalog::savings_plan_sku(request.term)),
        subscription_id: None,
        friendly_name: "Azure savings plan for compute".to_string(),
        quantity: 1,
        term_duration: Some(request.term.iso().to_string()),
        provisioning_context: context,
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
    let savings_plan = SavingsPlan {
        id,
        alias: request.alias,
        benefit: Benefit::bought(sale, display_name, terms, now),
        hourly_commitment: request.hourly_commitment,
    };
    (savings_plan, order)
}
