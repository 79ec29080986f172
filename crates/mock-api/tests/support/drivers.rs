//! The conformance suite's driver: the domain's `PartnerStore` in memory (decide, then
//! apply), with a clock moved by hand. Scenarios speak only to [`Driver`], which turns the
//! domain's answers into the views they compare. The same scenarios run through the app's
//! own backend interface, on the embedded store and over HTTP against this server, in the
//! component tests (`tests/components/backend_conformance.rs`, with no driver in between).

use api_types::cart::NewCart;
use domain::{
    ActivityAction, ActivityDetail, AzureEntitlement, AzureRole, AzureSubscriptionId, BenefitId, BenefitStatus, Caller, Change,
    Clock, CustomerId, CustomerRequest, CustomerUpn, DemoSpec, DomainError, Etag, ExchangeQuote, FixedClock, Offer, Order,
    PartnerStore, PartnerUser, Permission, PermissionSet, PlacedBy, Precondition, PurchasedBenefit, RefundQuote, RequestId,
    RequestKind, ReservationOrderId, ReservationRequest, RoleAssignmentId, UserWithRoles,
};
use test_support::admin;
use time::{Date, OffsetDateTime};

/// Why a request was refused, as a client tells the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The user may not change customer permissions (a Sales or Helpdesk agent).
    Forbidden,
    /// The policy changed since the caller read it.
    StaleEtag,
    UnknownCustomer,
    /// Any other refusal the domain decided, as the domain says it.
    Refused(DomainError),
}

/// A customer's policy as read: its permissions, and the etag to send back
/// (`None` while no permission is granted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyView {
    pub permissions: PermissionSet,
    pub etag: Option<Etag>,
}

/// What a purchase needs, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessView {
    /// Offer ids of the active Azure subscriptions (e.g. `MS-AZR-0145P`).
    pub azure_offers: Vec<String>,
    /// Their Azure subscriptions, in the same order.
    pub azure_subscriptions: Vec<AzureSubscriptionId>,
    /// User principal names of the customer users with Owner on one of them.
    pub owners: Vec<String>,
    pub is_ready: bool,
}

/// One Activity log record, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordView {
    pub action: ActivityAction,
    pub customer: CustomerId,
    pub customer_name: String,
    /// The sign-in name of who did it: a partner user, or a customer user who bought.
    pub user: String,
    pub old: PermissionSet,
    pub new: PermissionSet,
    /// What an order or a role assignment was.
    pub detail: Option<ActivityDetail>,
}

/// What the scenarios do with a backend.
pub trait Driver {
    /// The Microsoft ID of the demo customer with exactly this name.
    fn customer_named(&mut self, name: &str) -> CustomerId;
    /// Turns one permission On (`allowed`) or Off, as `user`.
    fn set_permission(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<(), Refusal>;
    fn policy(&mut self, customer: CustomerId) -> Result<PolicyView, Refusal>;
    /// Makes `wanted` the whole set, unless the policy is no longer the one with `etag`.
    fn replace(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: PermissionSet,
        etag: &Etag,
    ) -> Result<(), Refusal>;
    fn readiness(&mut self, customer: CustomerId) -> Result<ReadinessView, Refusal>;
    /// The customer's users with their Azure roles, as `user` reads them.
    fn users(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
    ) -> Result<Vec<UserWithRoles>, Refusal>;
    /// Records dated from `from` to `to` (both included, UTC), newest first.
    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView>;
    /// Buys the Azure plan for the customer, as `user`.
    fn add_azure_plan(&mut self, user: &PartnerUser, customer: CustomerId) -> Result<(), Refusal>;
    /// The Azure subscriptions under the customer's Azure plan.
    fn azure_plan_entitlements(&mut self, customer: CustomerId) -> Vec<AzureEntitlement>;
    /// Gives the customer user `upn` the `role` on an Azure subscription, as `user`.
    fn assign_role(
        &mut self,
        user: &PartnerUser,
        azure: AzureSubscriptionId,
        upn: &str,
        role: AzureRole,
    ) -> Result<(), Refusal>;
    /// The customer user `upn` buys a reservation.
    fn buy_reservation(&mut self, upn: &str, request: ReservationRequest) -> Result<(), Refusal>;
    /// The customer's orders, newest first.
    fn orders(&mut self, customer: CustomerId) -> Vec<Order>;
    /// Every customer's purchases, newest first, as a partner user reads them.
    fn purchases(&mut self) -> Vec<PurchaseView>;
    /// What returning `quantity` of a reservation would refund, as `who` is told.
    fn quote_refund(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, Refusal>;
    /// Cancels (returns) `quantity` of a reservation, as `who`, on a fresh quote.
    fn cancel(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32, approves: Option<RequestId>) -> Result<(), Refusal>;
    /// Exchanges `quantity` of a reservation for `purchase`, as `who`, on a fresh quote: the
    /// quote it was made on, and the new reservation order (its id is the backend's choice).
    fn exchange(
        &mut self,
        who: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<(ExchangeQuote, ReservationOrderId), Refusal>;
    /// Turns auto-renew on or off, as `who`.
    fn set_renew(&mut self, who: &Caller, benefit: BenefitId, on: bool, approves: Option<RequestId>) -> Result<(), Refusal>;
    /// The customer user `upn` asks the partner.
    fn ask(&mut self, upn: &str, benefit: BenefitId, kind: RequestKind, note: &str) -> Result<RequestId, Refusal>;
    /// Declines a request, as `user`.
    fn decline(&mut self, user: &PartnerUser, request: RequestId, reason: &str) -> Result<(), Refusal>;
    /// Every request, newest first, as a partner user reads them.
    fn requests(&mut self) -> Vec<CustomerRequest>;
}

/// A purchase as the partner's Reservations page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseView {
    pub benefit: BenefitId,
    pub customer: CustomerId,
    pub name: String,
    /// A reservation's instances (a savings plan: 1).
    pub quantity: u32,
    pub status: BenefitStatus,
    pub renew: bool,
    pub placed_by: PlacedBy,
}

impl PurchaseView {
    fn of(bought: PurchasedBenefit) -> Self {
        let b = bought.item.benefit();
        Self {
            benefit: bought.item.id(),
            customer: b.customer_id,
            name: b.display_name.clone(),
            quantity: bought.item.quantity(),
            status: b.status,
            renew: b.renew,
            placed_by: bought.placed_by,
        }
    }
}

// ---- In memory: the domain's store, with a clock moved by hand ----

pub struct InMemory {
    store: PartnerStore,
    clock: FixedClock,
    /// Who reads (an Admin agent).
    reader: domain::PartnerUserId,
}

impl InMemory {
    /// A store with the demo data, as a new server data file has it, with what the passing
    /// of time decided kept (as the server does before its first read).
    pub fn start() -> Self {
        let now = OffsetDateTime::now_utc();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        let clock = FixedClock::new(now);
        let mut store = PartnerStore::demo(DemoSpec::new(0, now));
        while let Ok(Some(change)) = store.decide_next_expiry(&clock) {
            store.apply(change);
        }
        Self { store, clock, reader: admin().id() }
    }

    /// Every change happens a second after the one before.
    fn tick(&self) {
        self.clock.advance(time::Duration::seconds(1));
    }

    /// Applies what the rules decided, as a backend does once it has kept it.
    fn apply(&mut self, decided: Result<Option<Change>, DomainError>) -> Result<(), Refusal> {
        if let Some(change) = decided.map_err(refusal)? {
            self.store.apply(change);
        }
        Ok(())
    }
}

/// The refusal a domain error means: the same for both drivers.
fn refusal(error: DomainError) -> Refusal {
    match error {
        DomainError::NotAdminAgent { .. } => Refusal::Forbidden,
        DomainError::StaleEtag => Refusal::StaleEtag,
        DomainError::UnknownCustomer(_) => Refusal::UnknownCustomer,
        other => Refusal::Refused(other),
    }
}

impl Driver for InMemory {
    fn customer_named(&mut self, name: &str) -> CustomerId {
        let page = self
            .store
            .customers_page(&self.reader, name, 0, 10)
            .expect("reads");
        page.items
            .iter()
            .find(|c| c.company_name == name)
            .map(|c| c.id)
            .unwrap_or_else(|| panic!("no customer {name}"))
    }

    fn set_permission(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<(), Refusal> {
        self.tick();
        let decided =
            self.store
                .decide_switch(&user.id, &customer, permission, allowed, &self.clock);
        self.apply(decided)
    }

    fn policy(&mut self, customer: CustomerId) -> Result<PolicyView, Refusal> {
        let policy = self
            .store
            .policy(&self.reader, &customer)
            .map_err(refusal)?;
        Ok(PolicyView {
            permissions: policy.map(|p| p.permissions.clone()).unwrap_or_default(),
            etag: policy.map(|p| p.etag.clone()),
        })
    }

    fn replace(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: PermissionSet,
        etag: &Etag,
    ) -> Result<(), Refusal> {
        self.tick();
        let decided = self.store.decide_permissions(
            &user.id,
            &customer,
            wanted,
            Precondition::Etag(etag.clone()),
            &self.clock,
        );
        self.apply(decided)
    }

    fn readiness(&mut self, customer: CustomerId) -> Result<ReadinessView, Refusal> {
        let readiness = self
            .store
            .readiness(&self.reader, &customer)
            .map_err(refusal)?;
        Ok(ReadinessView {
            azure_offers: readiness
                .azure_subscriptions
                .iter()
                .map(|s| s.offer.offer_id().to_string())
                .collect(),
            azure_subscriptions: readiness
                .azure_subscriptions
                .iter()
                .map(|s| s.azure_subscription_id)
                .collect(),
            owners: readiness
                .owners
                .iter()
                .map(|u| u.user_principal_name.clone())
                .collect(),
            is_ready: readiness.is_ready(),
        })
    }

    fn users(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
    ) -> Result<Vec<UserWithRoles>, Refusal> {
        self.store
            .customer_users(&user.id, &customer)
            .map_err(refusal)
    }

    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView> {
        self.store
            .activity(&self.reader, from, to)
            .expect("reads")
            .into_iter()
            .map(record_view)
            .collect()
    }
    fn add_azure_plan(&mut self, user: &PartnerUser, customer: CustomerId) -> Result<(), Refusal> {
        self.tick();
        let items = NewCart::azure_plan().items();
        let decided = self.store.decide_order_azure_plan(&user.id, &customer, &items, &self.clock);
        self.apply(decided.map(Some))
    }

    fn azure_plan_entitlements(&mut self, customer: CustomerId) -> Vec<AzureEntitlement> {
        let plan = self
            .store
            .subscriptions(&self.reader, &customer)
            .expect("reads")
            .iter()
            .find(|s| s.offer == Offer::AzurePlan)
            .map(|s| s.id)
            .expect("an Azure plan");
        self.store.azure_entitlements(&self.reader, &customer, &plan).expect("reads")
    }

    fn assign_role(
        &mut self,
        user: &PartnerUser,
        azure: AzureSubscriptionId,
        upn: &str,
        role: AzureRole,
    ) -> Result<(), Refusal> {
        self.tick();
        let view = self.store.azure_subscription(&Caller::Partner(self.reader.clone()), &azure).map_err(refusal)?;
        let principal = self
            .store
            .customer_users(&self.reader, &view.customer_id)
            .map_err(refusal)?
            .into_iter()
            .find(|u| u.user.user_principal_name == upn)
            .map(|u| u.user.id)
            .expect("a user of the customer");
        let id = RoleAssignmentId::from_uuid(test_support::fresh_guid());
        let decided = self.store.decide_assign_role(&user.id, &azure, id, &principal, role, &self.clock);
        self.apply(decided)
    }

    fn buy_reservation(&mut self, upn: &str, request: ReservationRequest) -> Result<(), Refusal> {
        self.tick();
        let decided = self.store.decide_reservation_purchase(&CustomerUpn::new(upn), request, &self.clock);
        self.apply(decided)
    }

    fn orders(&mut self, customer: CustomerId) -> Vec<Order> {
        self.store.orders(&self.reader, &customer).expect("reads")
    }

    fn purchases(&mut self) -> Vec<PurchaseView> {
        let reader = Caller::Partner(self.reader.clone());
        self.store.purchased_benefits(&reader, None).expect("reads").into_iter().map(PurchaseView::of).collect()
    }

    fn quote_refund(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, Refusal> {
        self.store.quote_refund(who, &order, quantity, self.clock.now()).map_err(refusal)
    }

    fn cancel(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32, approves: Option<RequestId>) -> Result<(), Refusal> {
        self.tick();
        let decided = self.store.decide_return(who, &order, quantity, approves, &self.clock);
        self.apply(decided)
    }

    fn exchange(
        &mut self,
        who: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<(ExchangeQuote, ReservationOrderId), Refusal> {
        self.tick();
        let quote = self.store.quote_exchange(who, &order, quantity, purchase.clone(), self.clock.now()).map_err(refusal)?;
        let id = purchase.id;
        let decided = self.store.decide_exchange(who, &order, quantity, purchase, approves, &self.clock);
        self.apply(decided)?;
        Ok((quote, id))
    }

    fn set_renew(&mut self, who: &Caller, benefit: BenefitId, on: bool, approves: Option<RequestId>) -> Result<(), Refusal> {
        self.tick();
        let decided = self.store.decide_benefit_settings(who, benefit, on, None, approves, &self.clock);
        self.apply(decided)
    }

    fn ask(&mut self, upn: &str, benefit: BenefitId, kind: RequestKind, note: &str) -> Result<RequestId, Refusal> {
        self.tick();
        let id = RequestId::from_uuid(test_support::fresh_guid());
        let decided = self.store.decide_request(&Caller::Customer(CustomerUpn::new(upn)), id, benefit, kind, note, &self.clock);
        self.apply(decided)?;
        Ok(id)
    }

    fn decline(&mut self, user: &PartnerUser, request: RequestId, reason: &str) -> Result<(), Refusal> {
        self.tick();
        let decided = self.store.decide_decline(&Caller::Partner(user.id.clone()), &request, reason, &self.clock);
        self.apply(decided)
    }

    fn requests(&mut self) -> Vec<CustomerRequest> {
        self.store.requests(&Caller::Partner(self.reader.clone()), None).expect("reads")
    }
}

fn record_view(r: domain::ActivityRecord) -> RecordView {
    let user = r.user_principal_name().to_string();
    RecordView {
        action: r.action,
        customer: r.customer_id,
        customer_name: r.customer_name,
        user,
        old: r.old_value,
        new: r.new_value,
        detail: r.detail,
    }
}
