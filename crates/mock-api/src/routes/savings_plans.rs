//! `/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}` and the list of
//! savings plan orders: Azure savings plans a customer user buys on their own, billed to the
//! partner, in Azure Resource Manager's shape. The rules are the domain's.

use api_types::arm::{ArmErrorBody, ArmList};
use api_types::reservation::PurchasesQuery;
use api_types::request::ApprovesQuery;
use api_types::reservation_lifecycle::BenefitPatch;
use api_types::savings_plan::{
    NewSavingsPlanOrderAlias, SavingsPlanOrderAliasResource, SavingsPlanOrderResource, SavingsPlanResource,
    SAVINGS_PLAN_ORDERS_PATH,
};
use axum::extract::State;
use axum::Json;
use domain::{BenefitId, BenefitItem, Caller as DomainCaller, SavingsPlanOrderId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{Caller, CustomerCaller};
use crate::error::ApiError;
use crate::extract::{Body, Params, PathId, PathPair};
use crate::routes::reservation_lifecycle::{approves, keep_settings};
use crate::routes::{guid, purchases_page};
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Savings plans";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(read, purchase))
        .routes(routes!(read_order))
        .routes(routes!(read_plan, patch_plan))
}

/// Savings plans, newest first, each as its order alias, a page at a time: a customer user's
/// company's; a partner user's of every customer, or of the one `customerId` names.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrders",
    operation_id = "listSavingsPlanOrders",
    tag = TAG,
    params(PurchasesQuery),
    responses(
        (status = 200, description = "The savings plans, newest first; `nextLink` when more follow.", body = ArmList<SavingsPlanOrderAliasResource>),
        (status = 404, description = "No customer the caller may see has this id (code CustomerNotFound).", body = ArmErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Params(query): Params<PurchasesQuery>,
) -> Result<Json<ArmList<SavingsPlanOrderAliasResource>>, ApiError> {
    let page = purchases_page(&state, &caller, &query, SAVINGS_PLAN_ORDERS_PATH, |bought| match &bought.item {
        BenefitItem::SavingsPlan(p) => Some(SavingsPlanOrderAliasResource::from_domain(p).with_origin(&bought.placed_by, &bought.customer_name)),
        BenefitItem::Reservation(_) => None,
    })?;
    Ok(Json(page))
}

/// One savings plan, by the name it was bought under: to any partner user, and to the users
/// of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}",
    operation_id = "readSavingsPlanOrderAlias",
    tag = TAG,
    params(("name" = String, Path, description = "The name it was bought under.",
        pattern = "^[A-Za-z0-9_.-]{1,64}$", example = "litware-compute-2026")),
    responses(
        (status = 200, description = "The savings plan.", body = SavingsPlanOrderAliasResource),
        (status = 404, description = "No savings plan the caller may see has this name (code SavingsPlanOrderAliasNotFound).", body = ArmErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(name): PathId,
) -> Result<Json<SavingsPlanOrderAliasResource>, ApiError> {
    let store = state.read();
    let found = store.savings_plan_by_alias(&caller, &name)?;
    Ok(Json(SavingsPlanOrderAliasResource::from_domain(&found).with_origin(&store.placed_by(&found), &store.customer_name(&found.customer_id))))
}

/// Buy a savings plan under a name (customer users only), billed to the partner: 200 with
/// it (as Azure answers a purchase that completed), and 200 with it again when a plan was
/// bought under this name already (nothing more is bought). Refused
/// as a reservation is; then nothing is bought and nothing logged.
#[utoipa::path(
    put,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}",
    operation_id = "purchaseSavingsPlan",
    tag = TAG,
    params(("name" = String, Path, description = "The name to buy it under: 1 to 64 letters, digits, `-`, `_` or `.`.",
        pattern = "^[A-Za-z0-9_.-]{1,64}$", example = "compute-2026")),
    request_body = NewSavingsPlanOrderAlias,
    responses(
        (status = 200, description = "Bought: the savings plan, and what the partner is billed (the same again when it was bought already: nothing more is bought).", body = SavingsPlanOrderAliasResource),
        (status = 403, description = "The partner has not allowed it (code PurchaseNotAllowedByPartner), no active Azure plan (code NoEligibleSubscriptions), the buyer is not Owner (code NotOwnerOfSubscription), or a partner user's token (code CustomerUsersOnly).", body = ArmErrorBody),
        (status = 404, description = "The subscription is not one of the buyer's (code SubscriptionNotFound).", body = ArmErrorBody),
        (status = 409, description = "Another customer bought under this name (code PurchaseIdTaken).", body = ArmErrorBody),
        (status = 422, description = "A `Single` scope without its subscription (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn purchase(
    State(state): State<AppState>,
    CustomerCaller(buyer): CustomerCaller,
    PathId(name): PathId,
    Body(input): Body<NewSavingsPlanOrderAlias>,
) -> Result<Json<SavingsPlanOrderAliasResource>, ApiError> {
    let request = input.into_domain(&name).map_err(ApiError::Unprocessable)?;
    let mut writer = state.write();
    if let Some(change) = writer.store().decide_savings_plan_purchase(&buyer, request, &SecondsClock)? {
        writer.keep(change, None)?;
    }
    let bought = writer.store().savings_plan_by_alias(&DomainCaller::Customer(buyer), &name)?;
    Ok(Json(SavingsPlanOrderAliasResource::from_domain(&bought).with_origin(&writer.store().placed_by(&bought), &writer.store().customer_name(&bought.customer_id))))
}

/// One savings plan order, with its savings plan named: to any partner user, and to the users
/// of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrders/{savingsPlanOrderId}",
    operation_id = "readSavingsPlanOrder",
    tag = TAG,
    params(("savingsPlanOrderId" = uuid::Uuid, Path, description = "The savings plan order.",
        example = "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817")),
    responses(
        (status = 200, description = "The savings plan order; `properties.savingsPlans` names its plan.", body = SavingsPlanOrderResource),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No savings plan the caller may see has this id (code SavingsPlanOrderAliasNotFound).", body = ArmErrorBody),
    )
)]
async fn read_order(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
) -> Result<Json<SavingsPlanOrderResource>, ApiError> {
    let id = guid(&id, "savingsPlanOrderId", SavingsPlanOrderId::parse)?;
    Ok(Json(SavingsPlanOrderResource::from_domain(&state.read().savings_plan(&caller, &id)?)))
}

/// The savings plan order of a plan's path (the plan id is the order's one plan's: 404
/// otherwise).
fn plan_ids(order: &str, plan: &str) -> Result<SavingsPlanOrderId, ApiError> {
    let id = guid(order, "savingsPlanOrderId", SavingsPlanOrderId::parse)?;
    let plan = guid(plan, "savingsPlanId", |t| uuid::Uuid::try_parse(t).ok())?;
    if plan != id.plan_id() {
        return Err(domain::DomainError::UnknownSavingsPlan(id.to_string()).into());
    }
    Ok(id)
}

/// A savings plan: to any partner user, and to the users of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrders/{savingsPlanOrderId}/savingsPlans/{savingsPlanId}",
    operation_id = "readSavingsPlan",
    tag = TAG,
    params(
        ("savingsPlanOrderId" = uuid::Uuid, Path, description = "The savings plan order.", example = "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817"),
        ("savingsPlanId" = uuid::Uuid, Path, description = "Its savings plan.", example = "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392816"),
    ),
    responses(
        (status = 200, description = "The savings plan.", body = SavingsPlanResource),
        (status = 400, description = "An id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No savings plan the caller may see has this id (code SavingsPlanOrderAliasNotFound).", body = ArmErrorBody),
    )
)]
async fn read_plan(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(order, plan): PathPair,
) -> Result<Json<SavingsPlanResource>, ApiError> {
    let id = plan_ids(&order, &plan)?;
    Ok(Json(SavingsPlanResource::from_domain(&state.read().savings_plan(&caller, &id)?)))
}

/// Change a savings plan's auto-renew or name: Admin agents only. (A savings plan cannot be
/// cancelled or exchanged: Azure's rule.)
#[utoipa::path(
    patch,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrders/{savingsPlanOrderId}/savingsPlans/{savingsPlanId}",
    operation_id = "updateSavingsPlan",
    tag = TAG,
    params(
        ("savingsPlanOrderId" = uuid::Uuid, Path, description = "The savings plan order.", example = "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817"),
        ("savingsPlanId" = uuid::Uuid, Path, description = "Its savings plan.", example = "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392816"),
        ApprovesQuery,
    ),
    request_body = BenefitPatch,
    responses(
        (status = 200, description = "The savings plan as it is now.", body = SavingsPlanResource),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase) or a Sales or Helpdesk agent (code NotAllowedToManagePurchases).", body = ArmErrorBody),
        (status = 400, description = "A name not acceptable (code InvalidPurchaseRequest), or an id not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No such savings plan (code SavingsPlanOrderAliasNotFound), or no such request to approve (code RequestNotFound).", body = ArmErrorBody),
        (status = 409, description = "The savings plan is no longer active (code ReservationNotActive), or the request approved asks for something else (code RequestMismatch).", body = ArmErrorBody),
    )
)]
async fn patch_plan(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(order, plan): PathPair,
    Params(query): Params<ApprovesQuery>,
    Body(input): Body<BenefitPatch>,
) -> Result<Json<SavingsPlanResource>, ApiError> {
    let id = plan_ids(&order, &plan)?;
    let approves = approves(&query)?;
    let mut writer = state.write();
    let renew = writer.store().savings_plan(&caller, &id)?.renew;
    keep_settings(&mut writer, &caller, BenefitId::SavingsPlan(id), renew, input.properties, approves)?;
    Ok(Json(SavingsPlanResource::from_domain(&writer.store().savings_plan(&caller, &id)?)))
}
