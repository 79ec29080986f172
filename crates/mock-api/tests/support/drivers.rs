//! The conformance suite's two drivers: the domain's `PartnerStore` in memory (decide, then
//! apply), and the live mock API server over HTTP (api-types bodies). Scenarios speak only
//! to [`Driver`]; turning each backend's answers into the same views is the drivers' job,
//! so the same assertions hold for both.

use api_types::audit::PolicyValue;
use api_types::customer_user::CustomerUser;
use api_types::policy::{
    policy_permissions, EtagAttributes, NewPolicy, PolicyUpdate, SelfServePolicy,
};
use api_types::readiness::Readiness;
use api_types::{Collection, ErrorCode};
use api_types::cart::NewCart;
use api_types::endpoint::{ListAuditRecords, ListCustomerUsers, ListSelfServePolicies, ReadCustomer, ReadReadiness};
use domain::{ActivityAction, ActivityDetail, AzureEntitlement, AzureRole, AzureSubscriptionId, Caller, Change, CustomerId, CustomerUpn, DemoSpec, DomainError, Etag, FixedClock, Offer, Order, PartnerStore, PartnerUser, Permission, PermissionSet, Precondition, RefusalKind, ReservationRequest, RoleAssignmentId, UserWithRoles};
use api_types::endpoint::{
    CalculateExchange, CalculateRefund, CreateRequest, DeclineCustomerRequest, Exchange, ListRequests, ListReservationOrders,
    ListSavingsPlanOrders, PatchReservation, PatchSavingsPlan, ReturnReservation,
};
use api_types::request::{BenefitRef, DeclineRequest, NewRequest, Request as ApiRequest};
use api_types::reservation::{NewReservationOrder, ReservationOrderResource};
use api_types::reservation_lifecycle::{
    BenefitPatch, BenefitPatchProperties, CalculateExchangeRequest, CalculateRefundRequest, ExchangeRequest, ExchangeResponse,
    ExchangeSession, RefundQuoteResponse, ReturnProperties, ReturnRequest, order_of_reservation,
};
use domain::{
    BenefitId, BenefitStatus, Clock, CustomerRequest, ExchangeQuote, PlacedBy, PurchasedBenefit, RefundQuote, RequestId,
    RequestKind, ReservationOrderId,
};
use test_support::{admin, Client, DataFile, Reply, Request, Server};
use time::{Date, OffsetDateTime};

/// Why a request was refused, as a client tells the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The user may not change customer permissions (a Sales or Helpdesk agent).
    Forbidden,
    /// The policy changed since the caller read it.
    StaleEtag,
    UnknownCustomer,
    /// Any other refusal the domain decided, as the domain says it (rebuilt from the error
    /// body over HTTP).
    Refused(DomainError),
    /// Anything else: always a failure of the scenario.
    Unexpected(String),
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
    /// Buys the Azure plan for the customer, as `user` (through a cart over HTTP).
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
    /// Who reads (an Admin agent, as the HTTP driver reads).
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

// ---- Over HTTP: the live server, spoken to as the app's HTTP backend does ----

pub struct OverHttp {
    // Declared first so it stops before its data file is removed.
    server: Server,
    _data: DataFile,
    /// Reads as an Admin agent.
    reader: Client,
}

impl OverHttp {
    pub fn start(name: &str) -> Self {
        let data = DataFile::new(name);
        let server = Server::start(&data);
        let reader = server.as_user(&admin());
        Self {
            server,
            _data: data,
            reader,
        }
    }

    fn client_of(&self, user: &PartnerUser) -> Client {
        let user = test_support::users()
            .into_iter()
            .find(|u| u.partner_user == *user)
            .expect("a demo user");
        self.server.as_user(&user)
    }

    /// The customer's policy as the server sends it, if any.
    fn policy_resource(&self, customer: CustomerId) -> Result<Option<SelfServePolicy>, Refusal> {
        let reply = self.reader.call(&ListSelfServePolicies { customer });
        if reply.status != 200 {
            return Err(self.refusal(&reply, customer));
        }
        let listed: Collection<SelfServePolicy> = reply.body();
        assert_eq!(listed.total_count, listed.items.len());
        Ok(listed.items.into_iter().next())
    }

    /// The refusal a failed reply means: the domain error it carries, or else its code. A
    /// policy not found means the customer is unknown, or the policy the caller read is gone
    /// (which is what a stale etag says).
    fn refusal(&self, reply: &Reply, customer: CustomerId) -> Refusal {
        if let Some(error) = reply.refusal() {
            return refusal(error);
        }
        match reply.error().error_code() {
            Some(ErrorCode::Refusal(RefusalKind::NotAdminAgent)) => Refusal::Forbidden,
            Some(ErrorCode::Refusal(RefusalKind::StaleEtag)) => Refusal::StaleEtag,
            Some(ErrorCode::Refusal(RefusalKind::UnknownCustomer)) => Refusal::UnknownCustomer,
            Some(ErrorCode::PolicyNotFound | ErrorCode::PolicyNotFoundForUpdate)
                if self.customer_exists(customer) =>
            {
                Refusal::StaleEtag
            }
            Some(ErrorCode::PolicyNotFound | ErrorCode::PolicyNotFoundForUpdate) => {
                Refusal::UnknownCustomer
            }
            _ => Refusal::Unexpected(format!("{} {}", reply.status, reply.text)),
        }
    }

    fn customer_exists(&self, customer: CustomerId) -> bool {
        self.reader.call(&ReadCustomer { customer }).status == 200
    }

    /// The request that makes `wanted` the customer's permissions: POST when there is no
    /// policy, DELETE when none would remain, PUT otherwise (with the etag in each case).
    fn change(
        &self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: &PermissionSet,
        read: Option<&SelfServePolicy>,
        etag: Option<&Etag>,
    ) -> Result<(), Refusal> {
        let client = self.client_of(user);
        let path = self.reader.policy_path(&customer);
        let request = match etag {
            None if wanted.is_empty() => Request::new("DELETE", &path),
            None => {
                Request::new("POST", "/v1/SelfServePolicy").json(&NewPolicy::new(customer, wanted))
            }
            Some(etag) if wanted.is_empty() => {
                Request::new("DELETE", &path).header("If-Match", etag.as_str())
            }
            Some(etag) => {
                // The resource as read, with the permissions wanted and the etag given.
                let mut update = match read {
                    Some(policy) => PolicyUpdate::new(policy, wanted),
                    None => PolicyUpdate {
                        id: None,
                        self_serve_entity: None,
                        grantor: None,
                        permissions: policy_permissions(wanted),
                        attributes: None,
                    },
                };
                update.attributes = Some(EtagAttributes {
                    etag: etag.as_str().to_string(),
                });
                Request::new("PUT", &path).json(&update)
            }
        };
        let reply = client.send(request);
        match reply.status {
            200 | 201 | 204 => Ok(()),
            // Revoking what was never granted: nothing to do, once the server has let the
            // user try (refusals come first).
            404 if etag.is_none() && wanted.is_empty() && self.customer_exists(customer) => Ok(()),
            _ => Err(self.refusal(&reply, customer)),
        }
    }
}

impl Driver for OverHttp {
    fn customer_named(&mut self, name: &str) -> CustomerId {
        self.reader.customer_id(name)
    }

    fn set_permission(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<(), Refusal> {
        let current = self.policy_resource(customer)?;
        let granted = current
            .as_ref()
            .map(SelfServePolicy::permission_set)
            .unwrap_or_default();
        let wanted = domain::with_permission(granted, permission, allowed);
        let etag = current.as_ref().map(SelfServePolicy::etag);
        self.change(user, customer, &wanted, current.as_ref(), etag.as_ref())
    }

    fn policy(&mut self, customer: CustomerId) -> Result<PolicyView, Refusal> {
        let current = self.policy_resource(customer)?;
        Ok(PolicyView {
            permissions: current
                .as_ref()
                .map(SelfServePolicy::permission_set)
                .unwrap_or_default(),
            etag: current.as_ref().map(SelfServePolicy::etag),
        })
    }

    fn replace(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: PermissionSet,
        etag: &Etag,
    ) -> Result<(), Refusal> {
        // The resource as last read, as a client keeps it; the etag is the one given.
        let read = self.policy_resource(customer).ok().flatten();
        self.change(user, customer, &wanted, read.as_ref(), Some(etag))
    }

    fn readiness(&mut self, customer: CustomerId) -> Result<ReadinessView, Refusal> {
        let reply = self.reader.call(&ReadReadiness { customer });
        if reply.status != 200 {
            return Err(self.refusal(&reply, customer));
        }
        let readiness: Readiness = reply.body();
        assert_eq!(readiness.customer_id, customer);
        assert_eq!(
            readiness.has_azure_subscription,
            !readiness.azure_subscriptions.is_empty(),
            "{readiness:?}"
        );
        assert_eq!(
            readiness.has_owner,
            !readiness.owners.is_empty(),
            "{readiness:?}"
        );
        Ok(ReadinessView {
            azure_offers: readiness
                .azure_subscriptions
                .iter()
                .map(|s| s.offer_id.clone())
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
            is_ready: readiness.is_ready,
        })
    }

    fn users(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
    ) -> Result<Vec<UserWithRoles>, Refusal> {
        let reply = self.client_of(user).call(&ListCustomerUsers { customer });
        if reply.status != 200 {
            return Err(self.refusal(&reply, customer));
        }
        let users: Collection<CustomerUser> = reply.body();
        assert_eq!(users.total_count, users.items.len());
        Ok(users
            .items
            .into_iter()
            .map(|u| u.into_domain(customer))
            .collect())
    }

    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView> {
        let records = self.reader.ok(&ListAuditRecords { from, to });
        assert_eq!(records.total_count, records.items.len());
        records
            .items
            .into_iter()
            .map(|r| {
                let text = format!("{r:?}");
                let value = |json: &str| {
                    let value = serde_json::from_str::<PolicyValue>(json);
                    Some(value.unwrap_or_else(|e| {
                        panic!("a resource value is a policy's JSON ({e}): {json}")
                    }))
                };
                record_view(
                    r.into_domain(value)
                        .unwrap_or_else(|| panic!("an audit record the domain reads: {text}")),
                )
            })
            .collect()
    }
    fn add_azure_plan(&mut self, user: &PartnerUser, customer: CustomerId) -> Result<(), Refusal> {
        let reply = self.client_of(user).buy_azure_plan(&customer);
        match reply.status {
            201 => Ok(()),
            _ => Err(self.refusal(&reply, customer)),
        }
    }

    fn azure_plan_entitlements(&mut self, customer: CustomerId) -> Vec<AzureEntitlement> {
        let plan = self
            .reader
            .subscriptions(&customer)
            .into_iter()
            .find(|s| s.offer_id == Offer::AzurePlan.offer_id())
            .expect("an Azure plan");
        self.reader
            .entitlements(&customer, &plan.id)
            .into_iter()
            .map(api_types::azure_entitlement::AzureEntitlement::into_domain)
            .collect()
    }

    fn assign_role(
        &mut self,
        user: &PartnerUser,
        azure: AzureSubscriptionId,
        upn: &str,
        role: AzureRole,
    ) -> Result<(), Refusal> {
        let subscription = self.reader.azure_subscription(&azure);
        let users = self.reader.ok(&ListCustomerUsers { customer: subscription.tenant_id });
        let principal = users.items.iter().find(|u| u.user_principal_name == upn).map(|u| u.id).expect("a user of the customer");
        let id = RoleAssignmentId::from_uuid(test_support::fresh_guid());
        let reply = self.client_of(user).assign_role(&azure, &id, principal, role);
        match reply.status {
            200 | 201 => Ok(()),
            _ => Err(self.refusal(&reply, subscription.tenant_id)),
        }
    }

    fn buy_reservation(&mut self, upn: &str, request: ReservationRequest) -> Result<(), Refusal> {
        let reply = self.server.client().as_customer(upn).buy_reservation(&request);
        match (reply.status, reply.refusal()) {
            (200 | 201, _) => Ok(()),
            (_, Some(error)) => Err(refusal(error)),
            _ => Err(Refusal::Unexpected(format!("{} {}", reply.status, reply.text))),
        }
    }

    fn orders(&mut self, customer: CustomerId) -> Vec<Order> {
        self.reader
            .orders(&customer)
            .into_iter()
            .map(|o| o.into_domain().expect("an order the domain reads"))
            .collect()
    }

    fn purchases(&mut self) -> Vec<PurchaseView> {
        let mut found = Vec::new();
        // Every page of the reservation orders, following `nextLink` by its `$skiptoken`.
        loop {
            let page = self.reader.ok(&ListReservationOrders { customer: None, skip: found.len() });
            let more = page.next_link.is_some();
            found.extend(page.value.into_iter().map(|o| o.into_purchased().expect("a purchase the domain reads")));
            if !more {
                break;
            }
        }
        let plans = self.reader.ok(&ListSavingsPlanOrders { customer: None, skip: 0 });
        assert!(plans.next_link.is_none(), "one page of savings plans here");
        found.extend(plans.value.into_iter().map(|p| p.into_purchased().expect("a purchase the domain reads")));
        // (Reservations, then savings plans: scenarios do not rely on the order across the two.)
        found.into_iter().map(PurchaseView::of).collect()
    }

    fn quote_refund(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, Refusal> {
        let reply = self.as_caller(who).call(&CalculateRefund { order, body: CalculateRefundRequest::new(&order, quantity) });
        let quote: RefundQuoteResponse = self.success(&reply)?;
        Ok(quote.into_domain(order).expect("a quote the domain reads"))
    }

    fn cancel(&mut self, who: &Caller, order: ReservationOrderId, quantity: u32, approves: Option<RequestId>) -> Result<(), Refusal> {
        let client = self.as_caller(who);
        let reply = client.call(&CalculateRefund { order, body: CalculateRefundRequest::new(&order, quantity) });
        let quote: RefundQuoteResponse = self.success(&reply)?;
        let asked = CalculateRefundRequest::new(&order, quantity).properties;
        let body = ReturnRequest {
            properties: ReturnProperties {
                session_id: quote.properties.session_id,
                scope: asked.scope,
                reservation_to_return: asked.reservation_to_return,
                return_reason: Some("Conformance".to_string()),
            },
        };
        let reply = client.call(&ReturnReservation { order, approves, body });
        self.success::<ReservationOrderResource>(&reply).map(|_| ())
    }

    fn exchange(
        &mut self,
        who: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<(ExchangeQuote, ReservationOrderId), Refusal> {
        let client = self.as_caller(who);
        let body = CalculateExchangeRequest::new(&order, quantity, NewReservationOrder::from_domain(&purchase));
        let quote: ExchangeResponse = self.success(&client.call(&CalculateExchange { body }))?;
        let session = quote.properties.session_id.clone();
        let reply = client.call(&Exchange { approves, body: ExchangeRequest { properties: ExchangeSession { session_id: session } } });
        let done: ExchangeResponse = self.success(&reply)?;
        let new = done.properties.reservations_to_purchase[0].reservation_order_id.as_deref().and_then(order_of_reservation);
        Ok((quote.into_domain(purchase.id).expect("a quote the domain reads"), new.expect("the new reservation order")))
    }

    fn set_renew(&mut self, who: &Caller, benefit: BenefitId, on: bool, approves: Option<RequestId>) -> Result<(), Refusal> {
        let body = BenefitPatch { properties: BenefitPatchProperties { renew: Some(on), display_name: None } };
        let client = self.as_caller(who);
        let reply = match benefit {
            BenefitId::Reservation(order) => client.call(&PatchReservation { order, approves, body }),
            BenefitId::SavingsPlan(order) => client.call(&PatchSavingsPlan { order, approves, body }),
        };
        self.success::<serde_json::Value>(&reply).map(|_| ())
    }

    fn ask(&mut self, upn: &str, benefit: BenefitId, kind: RequestKind, note: &str) -> Result<RequestId, Refusal> {
        let client = self.server.client().as_customer(upn);
        let customer = self.purchases().into_iter().find(|p| p.benefit == benefit).map(|p| p.customer).expect("a purchase");
        let id = RequestId::from_uuid(test_support::fresh_guid());
        let body = NewRequest { id, benefit: BenefitRef::of(benefit), kind: kind.into(), note: note.to_string() };
        let reply = client.call(&CreateRequest { customer, body });
        self.success::<ApiRequest>(&reply).map(|made| made.id)
    }

    fn decline(&mut self, user: &PartnerUser, request: RequestId, reason: &str) -> Result<(), Refusal> {
        let customer = self.requests().into_iter().find(|r| r.id == request).map(|r| r.customer_id).expect("a request");
        let reply = self.client_of(user).call(&DeclineCustomerRequest { customer, id: request, body: DeclineRequest { reason: reason.to_string() } });
        self.success::<ApiRequest>(&reply).map(|_| ())
    }

    fn requests(&mut self) -> Vec<CustomerRequest> {
        self.reader
            .ok(&ListRequests { customer: None })
            .items
            .into_iter()
            .map(|r| r.into_domain().expect("a request the domain reads"))
            .collect()
    }
}

impl OverHttp {
    /// A client signed in as `who`.
    fn as_caller(&self, who: &Caller) -> Client {
        match who {
            Caller::Partner(id) => {
                let user = test_support::users().into_iter().find(|u| u.partner_user.id == *id).expect("a demo user");
                self.server.as_user(&user)
            }
            Caller::Customer(upn) => self.server.client().as_customer(upn.as_str()),
        }
    }

    /// A 2xx reply's body, or the refusal it carries.
    fn success<T: serde::de::DeserializeOwned>(&self, reply: &Reply) -> Result<T, Refusal> {
        match (reply.status, reply.refusal()) {
            (200..=299, _) => Ok(reply.body()),
            (_, Some(error)) => Err(refusal(error)),
            _ => Err(Refusal::Unexpected(format!("{} {}", reply.status, reply.text))),
        }
    }

}
