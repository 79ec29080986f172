"""The mock API's Azure routes driven by the official Azure SDK for Python, unchanged, as a
partner's tooling would: azure-mgmt-reservations (purchase, price, refund quote, return,
exchange quote and exchange, a reservation read and renewed, the lists, refusals),
azure-mgmt-billingbenefits (a savings plan order and plan read, auto-renew changed) and
azure-mgmt-authorization (an Azure subscription's role assignments listed, one given and
removed on the customer's behalf).

Run by `cargo xtask test` (see xtask/src/azure_sdk.rs) against a server on a fresh data file:
    python after_purchase.py BASE_URL ADMIN_TOKEN SALES_TOKEN CUSTOMER_TOKEN
The SDK's clients take the demo tokens through their `authentication_policy` (the default one
asks for a TLS endpoint and an Entra ID credential, which a local stand-in has neither of).
"""

import sys
import uuid

from azure.core.exceptions import HttpResponseError
from azure.core.pipeline.policies import SansIOHTTPPolicy
from azure.mgmt.authorization import AuthorizationManagementClient
from azure.mgmt.billingbenefits import BillingBenefitsMgmtClient
from azure.mgmt.reservations import ReservationsMgmtClient

BASE, ADMIN, SALES, CUSTOMER = sys.argv[1:5]
PARTNER = "Adatum Cloud Services"
PARTNER_EMAIL = "csp-support@adatum.com"
LITWARE_PLAN = "litware-compute-2026"


class DemoToken(SansIOHTTPPolicy):
    """Authorization: Bearer {a demo token}."""

    def __init__(self, token):
        super().__init__()
        self.token = token

    def on_request(self, request):
        request.http_request.headers["Authorization"] = f"Bearer {self.token}"


class NoCredential:
    """The clients want a credential; the demo token policy above is what signs the requests."""

    def get_token(self, *scopes, **kwargs):
        raise AssertionError("the demo token policy signs the requests")


def reservations(token):
    return ReservationsMgmtClient(credential=NoCredential(), base_url=BASE, authentication_policy=DemoToken(token), polling_interval=0)


def billing_benefits(token):
    return BillingBenefitsMgmtClient(
        credential=NoCredential(), subscription_id=str(uuid.uuid4()), base_url=BASE, authentication_policy=DemoToken(token), polling_interval=0
    )


def authorization(token, subscription):
    return AuthorizationManagementClient(
        credential=NoCredential(), subscription_id=subscription, base_url=BASE, authentication_policy=DemoToken(token)
    )


READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7"


def roles_on_behalf_of_the_customer(subscription):
    """The Admin agent gives the customer's Owner the Reader role too, then removes it; the
    customer user sees the assignments; giving roles here is the partner's (admin-on-behalf-of)."""
    scope = f"/subscriptions/{subscription}"
    admin = authorization(ADMIN, subscription)
    owners = [a for a in admin.role_assignments.list_for_subscription() if a.role_definition_id.endswith("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")]
    assert owners, "the customer's Owner is listed"
    principal = owners[0].principal_id
    name = str(uuid.uuid4())
    parameters = {"properties": {"roleDefinitionId": f"{scope}/providers/Microsoft.Authorization/roleDefinitions/{READER}", "principalId": principal}}
    given = admin.role_assignments.create(scope, name, parameters)
    assert given.principal_id == principal and given.role_definition_id.endswith(READER), given
    assert any(a.name == name for a in authorization(CUSTOMER, subscription).role_assignments.list_for_subscription())
    refused(lambda: authorization(CUSTOMER, subscription).role_assignments.create(scope, str(uuid.uuid4()), parameters), "PartnerUsersOnly")
    admin.role_assignments.delete(scope, name)
    assert all(a.name != name for a in admin.role_assignments.list_for_subscription())


def refused(call, code):
    """`call` fails with the Azure error `code`; its message."""
    try:
        call()
    except HttpResponseError as error:
        assert error.error is not None and error.error.code == code, (error.status_code, error.message)
        return error.message
    raise AssertionError(f"not refused: expected {code}")


def reservation_path(order):
    reservation = uuid.UUID(int=uuid.UUID(order).int ^ 1)
    return f"/providers/Microsoft.Capacity/reservationOrders/{order}/reservations/{reservation}"


def purchase_body(subscription, quantity=1, size="Standard_D2s_v5", term="P1Y"):
    return {
        "sku": {"name": size},
        "location": "westeurope",
        "properties": {
            "reservedResourceType": "VirtualMachines",
            "billingScopeId": f"/subscriptions/{subscription}",
            "term": term,
            "billingPlan": "Monthly",
            "quantity": quantity,
            "displayName": "Bought with the Azure SDK",
            "appliedScopeType": "Shared",
            "renew": False,
        },
    }


def main():
    customer = reservations(CUSTOMER)
    admin = reservations(ADMIN)
    sales = reservations(SALES)

    # The customer user's own Azure subscription (the SDK's lists page through nextLink).
    mine = list(customer.reservation_order.list())
    subscription = mine[0].reservations[0].properties.billing_scope_id.rsplit("/", 1)[-1]

    # The price first, then the purchase: 200, Succeeded.
    body = purchase_body(subscription, quantity=2)
    price = customer.reservation_order.calculate(body)
    assert price.properties.billing_currency_total.amount > 0, price
    order = price.properties.reservation_order_id
    bought = customer.reservation_order.begin_purchase(order, body).result()
    assert bought.properties.provisioning_state == "Succeeded", bought
    assert bought.properties.reservations[0].properties.quantity == 2
    # Buying again under the same id buys nothing more.
    again = customer.reservation_order.begin_purchase(order, body).result()
    assert again.name == bought.name

    # The customer user may not return, exchange or renew: they are told to ask their partner.
    refund_body = {"properties": {"scope": "Reservation", "reservationToReturn": {"reservationId": reservation_path(order), "quantity": 1}}}
    message = refused(lambda: customer.calculate_refund.post(order, refund_body), "CustomerCannotManagePurchase")
    refused(
        lambda: customer.reservation.begin_update(order, reservation_path(order).rsplit("/", 1)[-1], {"properties": {"renew": True}}).result(),
        "CustomerCannotManagePurchase",
    )

    # The partner lists every customer's reservation orders and finds it.
    listed = [o.name for o in admin.reservation_order.list()]
    assert order in listed, listed

    # The refund quote: the refund, and the limit of USD 50,000 in 12 months.
    quote = admin.calculate_refund.post(order, refund_body)
    policy = quote.properties.policy_result.properties
    assert policy.max_refund_limit.amount == 50000 and policy.consumed_refunds_total.amount == 0, policy
    assert quote.properties.billing_refund_amount.amount > 0, quote
    # A Sales agent sees the quote but may not return.
    sales_quote = sales.calculate_refund.post(order, refund_body)
    return_body = {
        "properties": {
            "sessionId": sales_quote.properties.session_id,
            "scope": "Reservation",
            "reservationToReturn": refund_body["properties"]["reservationToReturn"],
            "returnReason": "Tried by a Sales agent",
        }
    }
    refused(lambda: sales.return_operations.begin_post(order, return_body).result(), "NotAllowedToManagePurchases")
    # The Admin agent returns one of the two instances.
    return_body["properties"]["sessionId"] = quote.properties.session_id
    returned = admin.return_operations.begin_post(order, return_body).result()
    assert returned.properties.reservations[0].properties.quantity == 1, returned
    # The session is used up.
    refused(lambda: admin.return_operations.begin_post(order, return_body).result(), "QuoteNotFound")

    # Renew: auto-renew on, as the reservation's PATCH.
    reservation_id = reservation_path(order).rsplit("/", 1)[-1]
    renewed = admin.reservation.begin_update(order, reservation_id, {"properties": {"renew": True}}).result()
    assert renewed.properties.renew is True, renewed
    assert admin.reservation.get(order, reservation_id).properties.renew is True

    # Exchange what is left for something bigger: a quote, then the exchange on its session.
    exchange_body = {
        "properties": {
            "reservationsToPurchase": [purchase_body(subscription, quantity=2, size="Standard_D4s_v5", term="P3Y")],
            "reservationsToExchange": [{"reservationId": reservation_path(order), "quantity": 1}],
        }
    }
    exchange_quote = admin.calculate_exchange.begin_post(exchange_body).result()
    session = exchange_quote.properties.session_id
    assert exchange_quote.properties.net_payable.amount > 0, exchange_quote
    done = admin.exchange.begin_post({"properties": {"sessionId": session}}).result()
    assert done.status == "Succeeded", done
    new_order = done.properties.reservations_to_purchase[0].reservation_order_id.rsplit("/", 1)[-1]
    assert admin.reservation_order.get(new_order).properties.provisioning_state == "Succeeded"
    assert admin.reservation_order.get(order).properties.provisioning_state == "Cancelled"
    # A smaller one than what is returned is refused.
    small = {
        "properties": {
            "reservationsToPurchase": [purchase_body(subscription, quantity=1, size="Standard_B2ms")],
            "reservationsToExchange": [{"reservationId": reservation_path(new_order), "quantity": 2}],
        }
    }
    small_quote = admin.calculate_exchange.begin_post(small).result()
    refused(
        lambda: admin.exchange.begin_post({"properties": {"sessionId": small_quote.properties.session_id}}).result(),
        "ExchangeBelowReturnedValue",
    )

    # Savings plans: read the order and its plan, turn auto-renew on (no return or exchange).
    plans = billing_benefits(ADMIN)
    alias = plans.savings_plan_order_alias.get(LITWARE_PLAN)
    plan_order = alias.properties.savings_plan_order_id.rsplit("/", 1)[-1]
    order_model = plans.savings_plan_order.get(plan_order)
    plan_id = order_model.properties.savings_plans[0].rsplit("/", 1)[-1]
    plan = plans.savings_plan.get(plan_order, plan_id)
    assert plan.properties.renew is False, plan
    updated = plans.savings_plan.begin_update(plan_order, plan_id, {"properties": {"renew": True}}).result()
    assert updated.properties.renew is True, updated
    refused(
        lambda: billing_benefits(SALES).savings_plan.begin_update(plan_order, plan_id, {"properties": {"renew": False}}).result(),
        "NotAllowedToManagePurchases",
    )

    roles_on_behalf_of_the_customer(subscription)

    assert PARTNER in message and PARTNER_EMAIL in message, message
    print("the official Azure SDK for Python: purchase, price, refund quote, return, exchange, renew, savings plans, role assignments and refusals work")


if __name__ == "__main__":
    main()
