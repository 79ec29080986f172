//! The conformance suite's two drivers: the domain's `PartnerStore` in memory, and the
//! live mock API server over HTTP. Scenarios speak only to [`Driver`]; turning each
//! backend's shapes (domain values, Partner Center JSON) into the same answers is the
//! drivers' job, so the same assertions hold for both.

use domain::{
    ActivityAction, CustomerId, DemoSpec, DomainError, Etag, FixedClock, PartnerStore, PartnerUser,
    Permission, PermissionSet,
};
use serde_json::{json, Value};
use time::{Date, OffsetDateTime};

use super::{DataFile, Reply, Request, Server, ADMIN};

/// Why a request was refused, as a client tells the cases apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The user may not change customer permissions (a Sales or Helpdesk agent).
    Forbidden,
    /// The policy changed since the caller read it.
    StaleEtag,
    UnknownCustomer,
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
    /// The partner user's sign-in name.
    pub user: String,
    pub old: PermissionSet,
    pub new: PermissionSet,
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
    /// Records dated from `from` to `to` (both included, UTC), newest first.
    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView>;
}

// ---- In memory: the domain's store, with a clock moved by hand ----

pub struct InMemory {
    store: PartnerStore,
    clock: FixedClock,
}

impl InMemory {
    /// A store with the demo data, as a new server data file has it.
    pub fn start() -> Self {
        let now = OffsetDateTime::now_utc();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        Self {
            store: PartnerStore::demo(DemoSpec::new(0, now)),
            clock: FixedClock::new(now),
        }
    }

    /// Every change happens a second after the one before.
    fn tick(&self) {
        self.clock.advance(time::Duration::seconds(1));
    }
}

fn refusal(error: DomainError) -> Refusal {
    match error {
        DomainError::NotAdminAgent { .. } => Refusal::Forbidden,
        DomainError::StaleEtag => Refusal::StaleEtag,
        DomainError::UnknownCustomer(_) => Refusal::UnknownCustomer,
        other => Refusal::Unexpected(other.to_string()),
    }
}

impl Driver for InMemory {
    fn customer_named(&mut self, name: &str) -> CustomerId {
        self.store
            .customers_page(name, 0, 10)
            .items
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
        self.store
            .set_permission(&user.id, &customer, permission, allowed, &self.clock)
            .map(|_| ())
            .map_err(refusal)
    }

    fn policy(&mut self, customer: CustomerId) -> Result<PolicyView, Refusal> {
        let policy = self.store.policy(&customer).map_err(refusal)?;
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
        self.store
            .apply_permissions(&user.id, &customer, wanted, Some(etag), &self.clock)
            .map(|_| ())
            .map_err(refusal)
    }

    fn readiness(&mut self, customer: CustomerId) -> Result<ReadinessView, Refusal> {
        let readiness = self.store.readiness(&customer).map_err(refusal)?;
        Ok(ReadinessView {
            azure_offers: readiness
                .azure_subscriptions
                .iter()
                .map(|s| s.offer.offer_id().to_string())
                .collect(),
            owners: readiness
                .owners
                .iter()
                .map(|u| u.user_principal_name.clone())
                .collect(),
            is_ready: readiness.is_ready(),
        })
    }

    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView> {
        self.store
            .activity(from, to)
            .into_iter()
            .map(|r| RecordView {
                action: r.action,
                customer: r.customer_id,
                customer_name: r.customer_name,
                user: r.partner_user.as_str().to_string(),
                old: r.old_value,
                new: r.new_value,
            })
            .collect()
    }
}

// ---- Over HTTP: the live server, spoken to as the app's HTTP backend does ----

pub struct OverHttp {
    // Declared first so it stops before its data file is removed.
    server: Server,
    _data: DataFile,
    partner: String,
}

impl OverHttp {
    pub fn start(name: &str) -> Self {
        let data = DataFile::new(name);
        let server = Server::start(&data);
        let partner = super::partner_id(&server);
        Self {
            server,
            _data: data,
            partner,
        }
    }

    fn policy_path(&self, customer: CustomerId) -> String {
        format!("/v1/SelfServePolicy/{}_{customer}", self.partner)
    }

    /// Reads the customer's policy: the resource as the server sent it, if any.
    fn policy_resource(&self, customer: CustomerId) -> Result<Option<Value>, Refusal> {
        let reply = self.server.get(
            &format!("/v1/SelfServePolicy?entity_id={customer}"),
            Some(ADMIN),
        );
        if reply.status != 200 {
            return Err(self.refusal(&reply, customer));
        }
        Ok(reply.json()["items"]
            .as_array()
            .and_then(|items| items.first().cloned()))
    }

    /// The refusal a failed reply means. A policy not found means the customer is unknown
    /// or the policy the caller read is gone (which is what a stale etag says).
    fn refusal(&self, reply: &Reply, customer: CustomerId) -> Refusal {
        match reply.status {
            403 => Refusal::Forbidden,
            412 => Refusal::StaleEtag,
            404 if self.customer_exists(customer) => Refusal::StaleEtag,
            404 => Refusal::UnknownCustomer,
            status => Refusal::Unexpected(format!("{status} {}", reply.text)),
        }
    }

    fn customer_exists(&self, customer: CustomerId) -> bool {
        self.server
            .get(&format!("/v1/customers/{customer}"), Some(ADMIN))
            .status
            == 200
    }

    /// The request that makes `wanted` the customer's permissions: POST when there is no
    /// policy, DELETE when none would remain, PUT otherwise (with the etag in each case).
    fn change(
        &self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: &PermissionSet,
        etag: Option<&Etag>,
    ) -> Result<(), Refusal> {
        let token = mock_api::auth::token_for(user);
        let path = self.policy_path(customer);
        let request = match etag {
            None if wanted.is_empty() => Request::new("DELETE", &path),
            None => Request::new("POST", "/v1/SelfServePolicy")
                .json(&policy_body(customer, wanted, None)),
            Some(etag) if wanted.is_empty() => {
                Request::new("DELETE", &path).header("If-Match", etag.as_str())
            }
            Some(etag) => {
                Request::new("PUT", &path).json(&policy_body(customer, wanted, Some(etag)))
            }
        };
        let reply = self.server.send(request.token(Some(&token)));
        match reply.status {
            200 | 201 | 204 => Ok(()),
            // Revoking what was never granted: nothing to do, once the server has let the
            // user try (refusals come first).
            404 if etag.is_none() && wanted.is_empty() && self.customer_exists(customer) => Ok(()),
            _ => Err(self.refusal(&reply, customer)),
        }
    }
}

fn policy_body(customer: CustomerId, wanted: &PermissionSet, etag: Option<&Etag>) -> Value {
    let permissions: Vec<Value> = wanted
        .iter()
        .map(|p| json!({ "resource": p.resource_name(), "action": "Purchase" }))
        .collect();
    let mut body = json!({
        "selfServeEntity": { "selfServeEntityType": "customer", "tenantID": customer },
        "grantor": { "grantorType": "billToPartner" },
        "permissions": permissions,
    });
    if let Some(etag) = etag {
        body["attributes"] = json!({ "etag": etag.as_str() });
    }
    body
}

/// The permissions of a policy resource (`[{"resource", "action"}]`).
fn permissions_of(value: &Value) -> PermissionSet {
    value["permissions"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|p| p["resource"].as_str())
                .map(|r| {
                    Permission::from_resource_name(r).unwrap_or_else(|| panic!("resource {r}"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn etag_of(policy: &Value) -> Etag {
    Etag::new(
        policy["attributes"]["etag"]
            .as_str()
            .expect("attributes.etag"),
    )
}

/// An audit record's old or new value: the policy's JSON, as text.
fn permissions_in_text(value: &Value) -> PermissionSet {
    let text = value.as_str().expect("a resource value");
    permissions_of(&serde_json::from_str(text).expect("JSON in a resource value"))
}

fn action_of(operation_type: &str) -> ActivityAction {
    [
        ActivityAction::CreateCustomerPurchasePermissions,
        ActivityAction::UpdateCustomerPurchasePermissions,
        ActivityAction::DeleteCustomerPurchasePermissions,
    ]
    .into_iter()
    .find(|a| a.operation_type() == operation_type)
    .unwrap_or_else(|| panic!("operationType {operation_type}"))
}

fn strings(items: &Value, field: &str) -> Vec<String> {
    items
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i[field].as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

impl Driver for OverHttp {
    fn customer_named(&mut self, name: &str) -> CustomerId {
        let id = super::customer_id(&self.server, name);
        CustomerId::parse(&id).expect("a customer id")
    }

    fn set_permission(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<(), Refusal> {
        let current = self.policy_resource(customer)?;
        let granted = current.as_ref().map(permissions_of).unwrap_or_default();
        let wanted = domain::with_permission(granted, permission, allowed);
        let etag = current.as_ref().map(etag_of);
        self.change(user, customer, &wanted, etag.as_ref())
    }

    fn policy(&mut self, customer: CustomerId) -> Result<PolicyView, Refusal> {
        let current = self.policy_resource(customer)?;
        Ok(PolicyView {
            permissions: current.as_ref().map(permissions_of).unwrap_or_default(),
            etag: current.as_ref().map(etag_of),
        })
    }

    fn replace(
        &mut self,
        user: &PartnerUser,
        customer: CustomerId,
        wanted: PermissionSet,
        etag: &Etag,
    ) -> Result<(), Refusal> {
        self.change(user, customer, &wanted, Some(etag))
    }

    fn readiness(&mut self, customer: CustomerId) -> Result<ReadinessView, Refusal> {
        let reply = self
            .server
            .get(&format!("/v1/customers/{customer}/readiness"), Some(ADMIN));
        if reply.status != 200 {
            return Err(self.refusal(&reply, customer));
        }
        let body = reply.json();
        let view = ReadinessView {
            azure_offers: strings(&body["azureSubscriptions"], "offerId"),
            owners: strings(&body["owners"], "userPrincipalName"),
            is_ready: body["isReady"] == true,
        };
        assert_eq!(
            body["hasAzureSubscription"],
            !view.azure_offers.is_empty(),
            "{body}"
        );
        assert_eq!(body["hasOwner"], !view.owners.is_empty(), "{body}");
        Ok(view)
    }

    fn activity(&mut self, from: Date, to: Date) -> Vec<RecordView> {
        let reply = self.server.get(
            &format!("/v1/auditrecords?startDate={from}&endDate={to}"),
            Some(ADMIN),
        );
        assert_eq!(reply.status, 200, "{}", reply.text);
        let body = reply.json();
        let items = body["items"].as_array().cloned().unwrap_or_default();
        assert_eq!(body["totalCount"], items.len(), "{body}");
        items
            .iter()
            .map(|r| RecordView {
                action: action_of(r["operationType"].as_str().unwrap_or_default()),
                customer: CustomerId::parse(r["customerId"].as_str().unwrap_or_default())
                    .expect("customerId"),
                customer_name: r["customerName"].as_str().unwrap_or_default().to_string(),
                user: r["userPrincipalName"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                old: permissions_in_text(&r["resourceOldValue"]),
                new: permissions_in_text(&r["resourceNewValue"]),
            })
            .collect()
    }
}
