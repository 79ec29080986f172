//! One definition of each operation of the API, for every client: its method, its path, what
//! it sends and what it answers. The app's HTTP backend, the tests' blocking client and the
//! benchmarks each send any [`Endpoint`] with one generic call, so a new operation is a
//! struct and its `impl Endpoint` here, and no client writes a path of its own. (The server's
//! routes are declared where the OpenAPI document is generated from them; the tests check
//! that every endpoint here is one of them.)

use domain::dates::format_date;
use domain::{AzureSubscriptionId, CustomerId, RequestId, ReservationOrderId, RoleAssignmentId, SavingsPlanOrderId};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use time::Date;
use uuid::Uuid;

use crate::arm::ArmList;
use crate::audit::AuditRecord;
use crate::azure_subscription::{subscription_path, ArmSubscription};
use crate::cart::{carts_path, checkout_path, Cart, CartCheckoutResult, NewCart};
use crate::customer::{Customer, CustomerPage};
use crate::customer_user::CustomerUser;
use crate::demo::DemoUsers;
use crate::notification::{MarkNotificationsRead, NotificationList};
use crate::order::Order;
use crate::policy::{NewPolicy, PolicyUpdate, SelfServePolicy};
use crate::readiness::Readiness;
use crate::request::{DeclineRequest, NewRequest, Request};
use crate::reservation::{
    reservation_order_path, NewReservationOrder, ReservationOrderResource, ReservationResource, RESERVATION_ORDERS_PATH,
};
use crate::reservation_lifecycle::{
    reservation_path, BenefitPatch, CalculateExchangeRequest, CalculateRefundRequest, ExchangeRequest, ExchangeResponse,
    PriceQuoteResponse, RefundQuoteResponse, ReturnRequest,
};
use crate::role_assignment::{role_assignment_path, NewRoleAssignment, RoleAssignmentResource};
use crate::savings_plan::{
    savings_plan_alias_path, savings_plan_path, NewSavingsPlanOrderAlias, SavingsPlanOrderAliasResource,
    SavingsPlanResource, SAVINGS_PLAN_ORDERS_PATH,
};
use crate::stand_in::{Count, FaultRule, JournalEntry, JournalQuery, NewFaultRule, NewSnapshot, Reset, Snapshot};
use crate::subscription::Subscription;
use crate::{encode_query_value, Collection};

/// An HTTP method the API takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// The body of an endpoint that sends none.
#[derive(Debug, Clone, Copy, Serialize)]
pub enum NoBody {}

/// What a success answers, for an endpoint whose answer a client does not read (a DELETE's
/// 204, or 200 with what was removed).
pub type Ignored = IgnoredAny;

/// One operation of the API.
pub trait Endpoint {
    const METHOD: Method;
    /// Whether a success changed something on the server (every method but GET, except a
    /// quote: a POST that only calculates). Clients read again after a change.
    const CHANGES: bool = !matches!(Self::METHOD, Method::Get);
    /// The JSON body sent ([`NoBody`] for none).
    type Body: Serialize;
    /// A success's body ([`Ignored`] when it is not read; an empty body reads as `null`).
    type Reply: DeserializeOwned;

    /// The path and query, from the server's root (`/v1/…`, `/providers/…`, `/subscriptions/…`).
    fn path(&self) -> String;

    /// The body, if one is sent.
    fn body(&self) -> Option<&Self::Body> {
        None
    }

    /// `If-Match`: the version a change is made on, where the resource has one.
    fn if_match(&self) -> Option<&str> {
        None
    }
}

/// Declares an endpoint without a body: `name { fields } => METHOD Reply, |self| path`.
macro_rules! endpoint {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? } => $method:ident $reply:ty, |$this:ident| $path:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name { $(pub $field: $ty),* }

        impl Endpoint for $name {
            const METHOD: Method = Method::$method;
            type Body = NoBody;
            type Reply = $reply;

            fn path(&self) -> String {
                let $this = self;
                $path
            }
        }
    };
}

/// Declares an endpoint that sends a body: `name { fields } sends Body => METHOD Reply, |self| path`
/// (the body is the struct's field `body`).
macro_rules! endpoint_with_body {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? } sends $body:ty => $method:ident $reply:ty, |$this:ident| $path:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name { $(pub $field: $ty,)* pub body: $body }

        impl Endpoint for $name {
            const METHOD: Method = Method::$method;
            type Body = $body;
            type Reply = $reply;

            fn path(&self) -> String {
                let $this = self;
                $path
            }

            fn body(&self) -> Option<&$body> {
                Some(&self.body)
            }
        }
    };
}

/// Declares a quote: a POST with a body that calculates and changes nothing
/// (`name { fields } quotes Body => Reply, |self| path`).
macro_rules! quote_endpoint {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? } quotes $body:ty => $reply:ty, |$this:ident| $path:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name { $(pub $field: $ty,)* pub body: $body }

        impl Endpoint for $name {
            const METHOD: Method = Method::Post;
            const CHANGES: bool = false;
            type Body = $body;
            type Reply = $reply;

            fn path(&self) -> String {
                let $this = self;
                $path
            }

            fn body(&self) -> Option<&$body> {
                Some(&self.body)
            }
        }
    };
}

// ---- Partner Center (`/v1`) ----

endpoint! {
    /// `GET /v1/demo/users`: who can sign in to the demo, with their tokens (no token needed).
    ListDemoUsers {} => Get DemoUsers, |_e| "/v1/demo/users".to_string()
}

endpoint! {
    /// `GET /v1/customers`: customers matching `search`, `size` of them from `offset` on.
    ListCustomers { search: String, size: usize, offset: usize } => Get CustomerPage,
    |e| format!("/v1/customers?size={}&search={}&continuationToken={}", e.size, encode_query_value(&e.search), e.offset)
}

endpoint! {
    /// `GET /v1/customers/{id}`.
    ReadCustomer { customer: CustomerId } => Get Customer, |e| format!("/v1/customers/{}", e.customer)
}

endpoint! {
    /// `GET /v1/customers/{id}/users`: the customer's users with their Azure roles.
    ListCustomerUsers { customer: CustomerId } => Get Collection<CustomerUser>, |e| format!("/v1/customers/{}/users", e.customer)
}

endpoint! {
    /// `GET /v1/customers/{id}/subscriptions`.
    ListSubscriptions { customer: CustomerId } => Get Collection<Subscription>, |e| format!("/v1/customers/{}/subscriptions", e.customer)
}

endpoint! {
    /// `GET /v1/customers/{id}/readiness`: whether a self-service purchase would go through.
    ReadReadiness { customer: CustomerId } => Get Readiness, |e| format!("/v1/customers/{}/readiness", e.customer)
}

endpoint! {
    /// `GET /v1/customers/{id}/orders`.
    ListOrders { customer: CustomerId } => Get Collection<Order>, |e| format!("/v1/customers/{}/orders", e.customer)
}

endpoint_with_body! {
    /// `POST /v1/customers/{id}/carts`.
    CreateCart { customer: CustomerId } sends NewCart => Post Cart, |e| carts_path(&e.customer)
}

endpoint! {
    /// `POST /v1/customers/{id}/carts/{cartId}/checkout` (no body).
    CheckoutCart { customer: CustomerId, cart: Uuid } => Post CartCheckoutResult, |e| checkout_path(&e.customer, &e.cart)
}

endpoint! {
    /// `GET /v1/SelfServePolicy?entity_id={customer}`: the customer's policy, if any.
    ListSelfServePolicies { customer: CustomerId } => Get Collection<SelfServePolicy>,
    |e| format!("/v1/SelfServePolicy?entity_id={}", e.customer)
}

endpoint_with_body! {
    /// `POST /v1/SelfServePolicy`: the first permission granted.
    CreateSelfServePolicy {} sends NewPolicy => Post SelfServePolicy, |_e| "/v1/SelfServePolicy".to_string()
}

endpoint_with_body! {
    /// `PUT /v1/SelfServePolicy/{id}`: the permissions as wanted, on the etag read (in the body).
    UpdateSelfServePolicy { id: String } sends PolicyUpdate => Put SelfServePolicy,
    |e| format!("/v1/SelfServePolicy/{}", encode_query_value(&e.id))
}

/// `DELETE /v1/SelfServePolicy/{id}` with `If-Match`: every permission revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteSelfServePolicy {
    pub id: String,
    /// The etag last read.
    pub etag: String,
}

impl Endpoint for DeleteSelfServePolicy {
    const METHOD: Method = Method::Delete;
    type Body = NoBody;
    type Reply = Ignored;

    fn path(&self) -> String {
        format!("/v1/SelfServePolicy/{}", encode_query_value(&self.id))
    }

    fn if_match(&self) -> Option<&str> {
        Some(&self.etag)
    }
}

endpoint! {
    /// `GET /v1/auditrecords?startDate=…&endDate=…` (dates included, UTC).
    ListAuditRecords { from: Date, to: Date } => Get Collection<AuditRecord>,
    |e| format!("/v1/auditrecords?startDate={}&endDate={}", format_date(e.from), format_date(e.to))
}

// ---- Azure Resource Manager ----

endpoint! {
    /// `GET /subscriptions`: the signed-in customer user's Azure subscriptions.
    ListAzureSubscriptions {} => Get ArmList<ArmSubscription>, |_e| "/subscriptions".to_string()
}

endpoint! {
    /// `GET /subscriptions/{id}`, with its role assignments.
    ReadAzureSubscription { azure: AzureSubscriptionId } => Get ArmSubscription, |e| subscription_path(&e.azure)
}

endpoint_with_body! {
    /// `PUT /subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments/{guid}`.
    CreateRoleAssignment { azure: AzureSubscriptionId, id: RoleAssignmentId } sends NewRoleAssignment => Put RoleAssignmentResource,
    |e| role_assignment_path(&e.azure, &e.id)
}

endpoint! {
    /// `DELETE /subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments/{guid}`.
    DeleteRoleAssignment { azure: AzureSubscriptionId, id: RoleAssignmentId } => Delete Ignored,
    |e| role_assignment_path(&e.azure, &e.id)
}

endpoint! {
    /// `GET /providers/Microsoft.Capacity/reservationOrders`: a customer user's company's, or
    /// with `customer` the one a partner user names (without: every customer's, a page at a
    /// time from `skip`, `nextLink` naming the next).
    ListReservationOrders { customer: Option<CustomerId>, skip: usize } => Get ArmList<ReservationOrderResource>,
    |e| list_path(RESERVATION_ORDERS_PATH, e.customer, e.skip)
}

quote_endpoint! {
    /// `POST /providers/Microsoft.Capacity/calculatePrice`: what a purchase would cost.
    CalculatePrice {} quotes NewReservationOrder => PriceQuoteResponse,
    |_e| "/providers/Microsoft.Capacity/calculatePrice".to_string()
}

quote_endpoint! {
    /// `POST …/reservationOrders/{order}/calculateRefund`: what returning would refund.
    CalculateRefund { order: ReservationOrderId } quotes CalculateRefundRequest => RefundQuoteResponse,
    |e| format!("{}/calculateRefund", reservation_order_path(&e.order))
}

endpoint_with_body! {
    /// `POST …/reservationOrders/{order}/return`, on a refund quote's session (`approves`:
    /// the customer's request it does).
    ReturnReservation { order: ReservationOrderId, approves: Option<RequestId> } sends ReturnRequest => Post ReservationOrderResource,
    |e| with_approval(format!("{}/return", reservation_order_path(&e.order)), e.approves)
}

quote_endpoint! {
    /// `POST /providers/Microsoft.Capacity/calculateExchange`: what an exchange would come to.
    CalculateExchange {} quotes CalculateExchangeRequest => ExchangeResponse,
    |_e| "/providers/Microsoft.Capacity/calculateExchange".to_string()
}

endpoint_with_body! {
    /// `POST /providers/Microsoft.Capacity/exchange`, on an exchange quote's session.
    Exchange { approves: Option<RequestId> } sends ExchangeRequest => Post ExchangeResponse,
    |e| with_approval("/providers/Microsoft.Capacity/exchange".to_string(), e.approves)
}

endpoint_with_body! {
    /// `PATCH …/reservationOrders/{order}/reservations/{reservation}`: auto-renew, the name.
    PatchReservation { order: ReservationOrderId, approves: Option<RequestId> } sends BenefitPatch => Patch ReservationResource,
    |e| with_approval(reservation_path(&e.order), e.approves)
}

endpoint_with_body! {
    /// `PATCH /providers/Microsoft.BillingBenefits/savingsPlanOrders/{order}/savingsPlans/{plan}`.
    PatchSavingsPlan { order: SavingsPlanOrderId, approves: Option<RequestId> } sends BenefitPatch => Patch SavingsPlanResource,
    |e| with_approval(savings_plan_path(&e.order), e.approves)
}

endpoint! {
    /// `GET /v1/requests` (every customer's, for a partner user; a customer user's own), or
    /// with `customer`, `GET /v1/customers/{id}/requests` (this API's addition).
    ListRequests { customer: Option<CustomerId> } => Get Collection<Request>,
    |e| match e.customer {
        Some(customer) => format!("/v1/customers/{customer}/requests"),
        None => "/v1/requests".to_string(),
    }
}

endpoint_with_body! {
    /// `POST /v1/customers/{id}/requests`: a customer user asks the partner.
    CreateRequest { customer: CustomerId } sends NewRequest => Post Request,
    |e| format!("/v1/customers/{}/requests", e.customer)
}

endpoint_with_body! {
    /// `POST /v1/customers/{id}/requests/{requestId}/decline`: the partner says no, and why.
    DeclineCustomerRequest { customer: CustomerId, id: RequestId } sends DeclineRequest => Post Request,
    |e| format!("/v1/customers/{}/requests/{}/decline", e.customer, e.id)
}

endpoint! {
    /// `GET /v1/notifications`: the caller's notifications, newest first, with the unread
    /// count (partner users only; this API's addition).
    ListNotifications {} => Get NotificationList, |_e| "/v1/notifications".to_string()
}

endpoint_with_body! {
    /// `POST /v1/notifications/read`: marks the caller's notifications read, some or all.
    MarkNotifications {} sends MarkNotificationsRead => Post NotificationList,
    |_e| "/v1/notifications/read".to_string()
}

endpoint_with_body! {
    /// `PUT /providers/Microsoft.Capacity/reservationOrders/{id}`: a customer user buys.
    PurchaseReservationOrder { id: ReservationOrderId } sends NewReservationOrder => Put ReservationOrderResource,
    |e| reservation_order_path(&e.id)
}

endpoint! {
    /// `GET /providers/Microsoft.BillingBenefits/savingsPlanOrders` (as the reservations' list).
    ListSavingsPlanOrders { customer: Option<CustomerId>, skip: usize } => Get ArmList<SavingsPlanOrderAliasResource>,
    |e| list_path(SAVINGS_PLAN_ORDERS_PATH, e.customer, e.skip)
}

endpoint_with_body! {
    /// `PUT /providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}`: a customer user buys.
    PurchaseSavingsPlan { alias: String } sends NewSavingsPlanOrderAlias => Put SavingsPlanOrderAliasResource,
    |e| savings_plan_alias_path(&e.alias)
}

/// A list of purchases: `?customerId={id}` when a customer is named, `$skiptoken` past the
/// first page.
fn list_path(list: &str, customer: Option<CustomerId>, skip: usize) -> String {
    let mut query = Vec::new();
    if let Some(customer) = customer {
        query.push(format!("customerId={customer}"));
    }
    if skip > 0 {
        query.push(format!("$skiptoken={skip}"));
    }
    if query.is_empty() { list.to_string() } else { format!("{list}?{}", query.join("&")) }
}

/// `…?approvesRequest={id}` when the call does what a customer asked.
fn with_approval(path: String, approves: Option<RequestId>) -> String {
    match approves {
        Some(id) => format!("{path}?approvesRequest={id}"),
        None => path,
    }
}

// ---- The local stand-in (`/_mock`, this API's addition) ----

endpoint! {
    /// `GET /_mock/faults`: the fault rules in force, oldest first.
    ListFaultRules {} => Get Collection<FaultRule>, |_e| "/_mock/faults".to_string()
}

endpoint_with_body! {
    /// `POST /_mock/faults`: a fault rule, tried after the others.
    AddFaultRule {} sends NewFaultRule => Post FaultRule, |_e| "/_mock/faults".to_string()
}

endpoint! {
    /// `DELETE /_mock/faults/{id}`.
    RemoveFaultRule { id: Uuid } => Delete Ignored, |e| format!("/_mock/faults/{}", e.id)
}

endpoint! {
    /// `DELETE /_mock/faults`: every rule.
    ClearFaultRules {} => Delete Ignored, |_e| "/_mock/faults".to_string()
}

endpoint! {
    /// `GET /_mock/requests`: the requests served, newest first, as `query` filters them.
    ListServedRequests { query: JournalQuery } => Get Collection<JournalEntry>,
    |e| format!("/_mock/requests{}", e.query.to_query())
}

endpoint! {
    /// `GET /_mock/requests/count`: how many served requests `query` matches.
    CountServedRequests { query: JournalQuery } => Get Count, |e| format!("/_mock/requests/count{}", e.query.to_query())
}

endpoint! {
    /// `DELETE /_mock/requests`: forget every served request.
    ClearServedRequests {} => Delete Ignored, |_e| "/_mock/requests".to_string()
}

endpoint_with_body! {
    /// `POST /_mock/reset`: fresh demo data.
    ResetData {} sends Reset => Post Ignored, |_e| "/_mock/reset".to_string()
}

endpoint! {
    /// `GET /_mock/snapshots`.
    ListSnapshots {} => Get Collection<Snapshot>, |_e| "/_mock/snapshots".to_string()
}

endpoint_with_body! {
    /// `POST /_mock/snapshots`: a snapshot of all the data, under a name.
    TakeSnapshot {} sends NewSnapshot => Post Snapshot, |_e| "/_mock/snapshots".to_string()
}

endpoint! {
    /// `POST /_mock/snapshots/{name}/restore`.
    RestoreSnapshot { name: String } => Post Ignored, |e| format!("/_mock/snapshots/{}/restore", encode_query_value(&e.name))
}
