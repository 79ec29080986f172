//! `/v1/customers`: the partner's customers, their subscriptions, and whether they could
//! buy today (readiness).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use domain::{Address, Customer, CustomerId, NewCustomer, Subscription};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::db::StoredReply;
use crate::extract::{header, Body, Params, PathId};
use crate::routes::{collection, json_response, replay, request_key, rfc3339};
use crate::state::AppState;

pub const DEFAULT_PAGE_SIZE: usize = 50;
pub const MAX_PAGE_SIZE: usize = 1000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/customers", get(list).post(create))
        .route("/v1/customers/{id}", get(read))
        .route("/v1/customers/{id}/subscriptions", get(subscriptions))
        .route("/v1/customers/{id}/readiness", get(readiness))
}

pub fn customer_json(customer: &Customer) -> Value {
    let billing = &customer.billing;
    let language = billing.culture.split('-').next().unwrap_or_default();
    json!({
        "id": customer.id,
        "companyProfile": {
            "tenantId": customer.id,
            "domain": customer.domain,
            "companyName": customer.company_name,
        },
        "billingProfile": {
            "firstName": billing.first_name,
            "lastName": billing.last_name,
            "email": billing.email,
            "phoneNumber": billing.phone,
            "culture": billing.culture,
            "language": language,
            "companyName": customer.company_name,
            "defaultAddress": {
                "addressLine1": billing.address.line1,
                "city": billing.address.city,
                "postalCode": billing.address.postal_code,
                "country": billing.address.country,
            },
        },
        "relationshipToPartner": customer.relationship,
        "attributes": { "objectType": "Customer" },
    })
}

fn subscription_json(subscription: &Subscription) -> Value {
    let offer = subscription.offer;
    json!({
        "id": subscription.id,
        "offerId": offer.offer_id(),
        "offerName": offer.offer_name(),
        "friendlyName": subscription.friendly_name,
        "quantity": subscription.quantity,
        "unitType": if offer.is_azure() { "Usage-based" } else { "Licenses" },
        "status": subscription.status,
        "billingType": subscription.billing_type(),
        "creationDate": rfc3339(subscription.creation_date),
        "entitlementId": subscription.azure_subscription_ids.first(),
        "azureSubscriptionIds": subscription.azure_subscription_ids,
        "attributes": { "objectType": "Subscription" },
    })
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListQuery {
    size: Option<usize>,
    search: Option<String>,
    continuation_token: Option<String>,
}

/// `GET /v1/customers?size=&search=&continuationToken=` (the token may also come in the
/// `MS-ContinuationToken` header). Sorted by name; `search` matches name, domain or id.
async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
    Params(query): Params<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let size = query.size.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(ApiError::BadRequest(format!(
            "size must be from 1 to {MAX_PAGE_SIZE}"
        )));
    }
    let token = query
        .continuation_token
        .or_else(|| header(&headers, "ms-continuationtoken"));
    let offset = match token.as_deref().filter(|t| !t.is_empty()) {
        Some(token) => token.parse::<usize>().map_err(|_| {
            ApiError::BadRequest("the continuation token is not one this server gave".to_string())
        })?,
        None => 0,
    };
    let search = query.search.unwrap_or_default();
    let store = state.read();
    let page = store.customers_page(&search, offset, size);
    let items: Vec<Value> = page
        .items
        .iter()
        .filter_map(|summary| {
            let mut item = customer_json(store.customer(&summary.id).ok()?);
            let permissions: Vec<&str> = summary
                .permissions
                .iter()
                .map(|p| p.resource_name())
                .collect();
            item["selfServePermissions"] = json!(permissions);
            Some(item)
        })
        .collect();
    let next = offset + items.len();
    let mut body = collection(items);
    body["totalMatches"] = json!(page.total);
    body["offset"] = json!(page.offset);
    if next < page.total {
        let uri = format!(
            "/v1/customers?size={size}&search={}&continuationToken={next}",
            percent_encode(&search)
        );
        body["continuationToken"] = json!(next.to_string());
        body["links"] = json!({
            "next": {
                "uri": uri,
                "method": "GET",
                "headers": [ { "key": "MS-ContinuationToken", "value": next.to_string() } ],
            }
        });
    }
    Ok(Json(body))
}

/// `GET /v1/customers/{id}`.
async fn read(
    State(state): State<AppState>,
    _caller: Caller,
    PathId(id): PathId,
) -> Result<Json<Value>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let store = state.read();
    Ok(Json(customer_json(store.customer(&id)?)))
}

/// `GET /v1/customers/{id}/subscriptions`.
async fn subscriptions(
    State(state): State<AppState>,
    _caller: Caller,
    PathId(id): PathId,
) -> Result<Json<Value>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let store = state.read();
    let items = store
        .subscriptions(&id)?
        .iter()
        .map(subscription_json)
        .collect();
    Ok(Json(collection(items)))
}

/// `GET /v1/customers/{id}/readiness`: whether a purchase would go through today.
async fn readiness(
    State(state): State<AppState>,
    _caller: Caller,
    PathId(id): PathId,
) -> Result<Json<Value>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let store = state.read();
    let readiness = store.readiness(&id)?;
    let subscriptions: Vec<Value> = readiness
        .azure_subscriptions
        .iter()
        .map(|s| {
            json!({
                "subscriptionId": s.subscription_id,
                "offerId": s.offer.offer_id(),
                "offerName": s.offer.offer_name(),
                "friendlyName": s.friendly_name,
                "azureSubscriptionId": s.azure_subscription_id,
            })
        })
        .collect();
    let owners: Vec<Value> = readiness
        .owners
        .iter()
        .map(|u| json!({ "userPrincipalName": u.user_principal_name, "displayName": u.display_name }))
        .collect();
    Ok(Json(json!({
        "customerId": id,
        "hasAzureSubscription": readiness.has_azure_subscription(),
        "hasOwner": readiness.has_owner(),
        "isReady": readiness.is_ready(),
        "azureSubscriptions": subscriptions,
        "owners": owners,
        "attributes": { "objectType": "CustomerPurchaseReadiness" },
    })))
}

/// Percent-encodes everything but unreserved characters, for a query value.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewCustomerInput {
    company_profile: NewCompanyProfile,
    billing_profile: NewBillingProfile,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewCompanyProfile {
    domain: String,
    #[serde(default)]
    company_name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewBillingProfile {
    email: String,
    #[serde(default)]
    company_name: Option<String>,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    culture: String,
    #[serde(default)]
    default_address: Option<NewAddress>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewAddress {
    #[serde(default)]
    address_line1: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    postal_code: String,
    #[serde(default)]
    country: String,
}

/// `POST /v1/customers` (Admin and Sales agents): 201 with the new customer; 400 for details
/// the domain does not accept, 409 when the domain is taken. Retried with the same
/// `MS-RequestId`, it answers as the first time and creates nothing.
async fn create(
    State(state): State<AppState>,
    Caller(actor): Caller,
    headers: HeaderMap,
    Body(input): Body<NewCustomerInput>,
) -> Result<Response, ApiError> {
    let billing = input.billing_profile;
    let name = input
        .company_profile
        .company_name
        .or(billing.company_name)
        .unwrap_or_default();
    let address = billing.default_address.unwrap_or_default();
    let new = NewCustomer::parse(&name, &input.company_profile.domain, &billing.email)?.with_contact(
        &billing.first_name,
        &billing.last_name,
        &billing.culture,
        Address {
            line1: address.address_line1,
            city: address.city,
            postal_code: address.postal_code,
            country: address.country,
        },
    );
    let request_id = request_key(&headers, "POST /v1/customers");
    let mut writer = state.write();
    // Who may not create customers gets 403, also when resending someone else's request.
    writer.store().authorize_create_customer(&actor)?;
    if let Some(reply) = writer.earlier_reply(request_id.as_deref())? {
        return Ok(replay(reply));
    }
    let customer = writer.create_customer(&actor, new, |customer| {
        StoredReply::created(request_id, || customer_json(customer).to_string())
    })?;
    Ok(json_response(StatusCode::CREATED, customer_json(&customer).to_string(), None))
}
