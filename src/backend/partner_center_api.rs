//! The second backend: the mock Partner Center API over HTTP (gloo-net). Every rule is the
//! server's (and so the domain's); this client only maps shapes and errors.

use std::cell::RefCell;
use std::collections::HashMap;

use async_trait::async_trait;
use domain::dates::{format_date, parse_rfc3339};
use domain::{
    ActivityAction, ActivityRecord, Address, AzureSubscriptionRef, BillingProfile, Customer,
    CustomerId, CustomerPage, CustomerSummary, CustomerUser, DomainError, PartnerRole,
    PartnerUser, PartnerUserId, Permission, PermissionSet, Readiness, Subscription,
};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use time::Date;
use wasm_bindgen::JsCast;

use super::wire;
use super::{Backend, BackendError, BackendKind};

pub struct PartnerCenterApi {
    /// e.g. `http://127.0.0.1:8081` (no trailing slash), or "" for the page's own origin.
    base: String,
    /// Demo bearer tokens by user, from `GET /v1/demo/users`.
    users: RefCell<HashMap<PartnerUserId, (String, PartnerRole)>>,
    /// Who reads: the signed-in user.
    reader: RefCell<Option<PartnerUserId>>,
}

impl PartnerCenterApi {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
            users: RefCell::new(HashMap::new()),
            reader: RefCell::new(None),
        }
    }

    /// The bearer token of `user`, or of the signed-in user, or of anyone known.
    fn token(&self, user: Option<&PartnerUserId>) -> Option<String> {
        let users = self.users.borrow();
        let reader = self.reader.borrow();
        user.or(reader.as_ref())
            .and_then(|id| users.get(id))
            .or_else(|| users.values().next())
            .map(|(token, _)| token.clone())
    }

    /// Loads the demo users' tokens before the first call that needs one.
    async fn ensure_tokens(&self) -> Result<(), BackendError> {
        if self.users.borrow().is_empty() {
            self.partner_users().await?;
        }
        Ok(())
    }

    /// One call to the API, as `actor` (or the signed-in user): the reply's body when it
    /// succeeded, the Partner Center error it carried, as a domain error where there is one,
    /// otherwise. Not generic, so the browser plumbing exists once in the Wasm.
    async fn call(&self, call: Call<'_>) -> Result<String, BackendError> {
        let mut builder = RequestBuilder::new(&format!("{}{}", self.base, call.path))
            .method(call.method)
            .header("Accept", "application/json")
            .header("MS-CorrelationId", &random_guid())
            .abort_signal(timeout_signal().as_ref());
        if let Some(token) = self.token(call.actor) {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        for (name, value) in call.headers {
            builder = builder.header(name, value);
        }
        let request = match call.body {
            Some(body) => builder.header("Content-Type", "application/json").body(body),
            None => builder.build(),
        };
        let response = send(request).await?;
        let status = response.status();
        let text = response.text().await.map_err(|e| BackendError::Network(e.to_string()))?;
        if response.ok() {
            Ok(text)
        } else {
            Err(self.error(status, &text, call.actor, call.customer))
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str, customer: Option<CustomerId>) -> Result<T, BackendError> {
        self.ensure_tokens().await?;
        let text = self.call(Call { customer, ..Call::new(Method::GET, path) }).await?;
        parse(&text)
    }

    /// A Partner Center error reply, as the domain error it stands for where there is one.
    fn error(&self, status: u16, body: &str, actor: Option<&PartnerUserId>, customer: Option<CustomerId>) -> BackendError {
        let message = super::json::from_str::<wire::ErrorBody>(body).map(|b| b.description).unwrap_or_default();
        match (status, customer) {
            (403, _) => {
                let user = actor.cloned().or_else(|| self.reader.borrow().clone());
                let role = user.as_ref().and_then(|u| self.users.borrow().get(u).map(|(_, r)| *r));
                match (user, role) {
                    (Some(user), Some(role)) => DomainError::NotAdminAgent { user, role }.into(),
                    _ => BackendError::Server { status, message },
                }
            }
            (401, _) => match actor.cloned().or_else(|| self.reader.borrow().clone()) {
                Some(user) => DomainError::UnknownPartnerUser(user).into(),
                None => BackendError::Server { status, message },
            },
            (404, Some(id)) => DomainError::UnknownCustomer(id).into(),
            (409 | 412, _) => DomainError::StaleEtag.into(),
            _ => BackendError::Server { status, message },
        }
    }

    async fn policy(&self, id: CustomerId) -> Result<Option<wire::Policy>, BackendError> {
        let found: wire::Collection<wire::Policy> =
            self.get(&format!("/v1/SelfServePolicy?entity_id={id}"), Some(id)).await?;
        Ok(found.items.into_iter().next())
    }
}

/// What [`PartnerCenterApi::call`] sends.
struct Call<'a> {
    method: Method,
    /// Below the API's base, e.g. `/v1/customers`.
    path: &'a str,
    /// A JSON body.
    body: Option<String>,
    headers: Vec<(&'static str, &'a str)>,
    /// Who acts (the signed-in user when `None`).
    actor: Option<&'a PartnerUserId>,
    /// The customer the call is about, so a 404 reads "no such customer".
    customer: Option<CustomerId>,
}

impl<'a> Call<'a> {
    fn new(method: Method, path: &'a str) -> Self {
        Self { method, path, body: None, headers: Vec::new(), actor: None, customer: None }
    }
}

/// A successful reply's body as `T`.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, BackendError> {
    super::json::from_str(text).map_err(|e| BackendError::Server { status: 200, message: format!("unexpected reply: {e}") })
}

/// How long a call may take before it counts as failed.
const TIMEOUT_MS: i32 = 10_000;

/// A signal that aborts the request after [`TIMEOUT_MS`].
fn timeout_signal() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .ok()?;
    Some(signal)
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, BackendError> {
    let request = request.map_err(|e| BackendError::Network(e.to_string()))?;
    request.send().await.map_err(|e| {
        let text = e.to_string();
        if text.contains("abort") {
            BackendError::Network(format!("no answer within {} s", TIMEOUT_MS / 1000))
        } else {
            BackendError::Network(text)
        }
    })
}

/// A random GUID for `MS-RequestId` / `MS-CorrelationId`.
fn random_guid() -> String {
    let mut bytes = [0u8; 16];
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

fn policy_body<'a>(
    id: CustomerId,
    permissions: &PermissionSet,
    etag: Option<&'a str>,
    policy_id: Option<&'a str>,
) -> wire::PolicyBody<'a> {
    wire::PolicyBody {
        id: policy_id,
        self_serve_entity: wire::Entity { self_serve_entity_type: "customer", tenant_id: id.to_string() },
        permissions: permissions
            .iter()
            .map(|p| wire::PermissionBody { resource: p.resource_name(), action: "Purchase" })
            .collect(),
        attributes: etag.map(|etag| wire::EtagBody { etag }),
    }
}

#[async_trait(?Send)]
impl Backend for PartnerCenterApi {
    fn kind(&self) -> BackendKind {
        BackendKind::MockApi(self.base.clone())
    }

    fn use_identity(&self, user: &PartnerUserId) {
        *self.reader.borrow_mut() = Some(user.clone());
    }

    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError> {
        let found: wire::Collection<wire::DemoUser> = parse(&self.call(Call::new(Method::GET, "/v1/demo/users")).await?)?;
        let mut users = self.users.borrow_mut();
        Ok(found
            .items
            .into_iter()
            .map(|u| {
                let id = PartnerUserId::new(u.user_principal_name);
                users.insert(id.clone(), (u.token, u.role));
                PartnerUser { id, display_name: u.display_name, role: u.role }
            })
            .collect())
    }

    async fn customers(&self, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError> {
        let search: String = js_sys::encode_uri_component(search).into();
        let path = format!("/v1/customers?size={}&search={search}&continuationToken={offset}", limit.clamp(1, 1000));
        let found: wire::Collection<wire::Customer> = self.get(&path, None).await?;
        let total = found.total_matches.unwrap_or(found.items.len());
        let items = found
            .items
            .into_iter()
            .map(|c| CustomerSummary {
                id: c.id,
                company_name: c.company_profile.company_name,
                domain: c.company_profile.domain,
                permissions: wire::permission_set(c.self_serve_permissions.iter().map(String::as_str)),
            })
            .collect();
        Ok(CustomerPage { items, total, offset: found.offset.unwrap_or(offset) })
    }

    async fn customer(&self, id: CustomerId) -> Result<Customer, BackendError> {
        let c: wire::Customer = self.get(&format!("/v1/customers/{id}"), Some(id)).await?;
        let b = c.billing_profile;
        Ok(Customer {
            id: c.id,
            company_name: c.company_profile.company_name,
            domain: c.company_profile.domain,
            billing: BillingProfile {
                first_name: b.first_name,
                last_name: b.last_name,
                email: b.email,
                phone: b.phone_number,
                culture: b.culture,
                address: Address {
                    line1: b.default_address.address_line1,
                    city: b.default_address.city,
                    postal_code: b.default_address.postal_code,
                    country: b.default_address.country,
                },
            },
            relationship: c.relationship_to_partner,
        })
    }

    async fn subscriptions(&self, id: CustomerId) -> Result<Vec<Subscription>, BackendError> {
        let found: wire::Collection<wire::Subscription> =
            self.get(&format!("/v1/customers/{id}/subscriptions"), Some(id)).await?;
        Ok(found
            .items
            .into_iter()
            .map(|s| Subscription {
                id: s.id,
                customer_id: id,
                offer: wire::offer(&s.offer_id),
                friendly_name: s.friendly_name,
                quantity: s.quantity,
                status: s.status,
                creation_date: parse_rfc3339(&s.creation_date).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
                azure_subscription_ids: s.azure_subscription_ids,
            })
            .collect())
    }

    async fn readiness(&self, id: CustomerId) -> Result<Readiness, BackendError> {
        let r: wire::Readiness = self.get(&format!("/v1/customers/{id}/readiness"), Some(id)).await?;
        Ok(Readiness {
            azure_subscriptions: r
                .azure_subscriptions
                .into_iter()
                .map(|s| AzureSubscriptionRef {
                    subscription_id: s.subscription_id,
                    offer: wire::offer(&s.offer_id),
                    friendly_name: s.friendly_name,
                    azure_subscription_id: s.azure_subscription_id,
                })
                .collect(),
            owners: r
                .owners
                .into_iter()
                .map(|o| CustomerUser { customer_id: id, user_principal_name: o.user_principal_name, display_name: o.display_name })
                .collect(),
        })
    }

    async fn permissions(&self, id: CustomerId) -> Result<PermissionSet, BackendError> {
        Ok(self
            .policy(id)
            .await?
            .map(|p| wire::permissions_of(&p.permissions))
            .unwrap_or_default())
    }

    async fn set_permission(
        &self,
        actor: &PartnerUserId,
        id: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<PermissionSet, BackendError> {
        self.ensure_tokens().await?;
        let current = self.policy(id).await?;
        let granted = current
            .as_ref()
            .map(|p| wire::permissions_of(&p.permissions))
            .unwrap_or_default();
        let wanted = domain::with_permission(granted.clone(), permission, allowed);
        if wanted == granted {
            return Ok(granted);
        }
        let body = |etag, policy_id| super::json::to_string(&policy_body(id, &wanted, etag, policy_id)).ok();
        let (guid, path);
        let call = match &current {
            None => {
                guid = random_guid();
                Call {
                    body: body(None, None),
                    headers: vec![("MS-RequestId", guid.as_str())],
                    ..Call::new(Method::POST, "/v1/SelfServePolicy")
                }
            }
            Some(policy) if wanted.is_empty() => {
                path = format!("/v1/SelfServePolicy/{}", policy.id);
                Call { headers: vec![("If-Match", policy.attributes.etag.as_str())], ..Call::new(Method::DELETE, &path) }
            }
            Some(policy) => {
                path = format!("/v1/SelfServePolicy/{}", policy.id);
                Call { body: body(Some(&policy.attributes.etag), Some(&policy.id)), ..Call::new(Method::PUT, &path) }
            }
        };
        self.call(Call { actor: Some(actor), customer: Some(id), ..call }).await?;
        Ok(wanted)
    }

    async fn activity(&self, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError> {
        let path = format!("/v1/auditrecords?startDate={}&endDate={}", format_date(from), format_date(to));
        let found: wire::Collection<wire::AuditRecord> = self.get(&path, None).await?;
        let value = |text: &str| {
            let parsed: wire::ResourceValue = super::json::from_str(text).unwrap_or_default();
            wire::permissions_of(&parsed.permissions)
        };
        Ok(found
            .items
            .into_iter()
            .filter_map(|r| {
                let action = match r.operation_type.as_str() {
                    "create_self_serve_policy" => ActivityAction::CreateCustomerPurchasePermissions,
                    "update_self_serve_policy" => ActivityAction::UpdateCustomerPurchasePermissions,
                    "delete_self_serve_policy" => ActivityAction::DeleteCustomerPurchasePermissions,
                    _ => return None,
                };
                Some(ActivityRecord {
                    id: r.id.parse().unwrap_or(0),
                    at: parse_rfc3339(&r.operation_date)?,
                    customer_id: r.customer_id,
                    customer_name: r.customer_name,
                    action,
                    partner_user: PartnerUserId::new(r.user_principal_name),
                    old_value: value(&r.resource_old_value),
                    new_value: value(&r.resource_new_value),
                })
            })
            .collect())
    }

    async fn reset_demo_data(&self, _extra_customers: u32) -> Result<(), BackendError> {
        Err(BackendError::NotSupported)
    }
}
