//! Customer › Subscriptions › Manage: a small Azure-portal-style view of one of the
//! customer's Azure subscriptions, at its **Access control (IAM)**: the role assignments
//! (user, role, scope), **Add role assignment** (role → member → Review + assign) and
//! **Remove**. Partner Admin agents change them (admin-on-behalf-of); the others see them
//! read-only, with the reason. The backends decide; this only asks.

use domain::{AzureRole, AzureSubscriptionId, AzureSubscriptionView, CustomerUser, RoleAssignment};
use leptos::prelude::*;

use crate::app_route::AppRoute;
use crate::app_state::{set_title, use_app};
use crate::components::confirm_dialog::{focus_by_id, ConfirmDialog};
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::customer_actions::{use_customer_actions, RoleRemoval, RoleRequest};
use crate::pages::customer_layout::use_customer;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::{read_as_user, ReadKinds};

/// The roles that can be given here, in the order Azure lists them.
const ROLES: [AzureRole; 3] = [AzureRole::Owner, AzureRole::Contributor, AzureRole::Reader];

#[component]
pub fn ManageAzureSubscriptionPage(azure: AzureSubscriptionId) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let customer = use_customer();
    let id = customer.id;
    provide_context(ReadKinds::ACCESS_CONTROL);
    let view_read = read_as_user(app, || (), move |backend, caller| async move {
        backend.azure_subscription(&caller, azure).await
    });
    view! {
        <Transition fallback=Loading>
            {move || view_read.get().map(|read| match read {
                None => view! { <Loading/> }.into_any(),
                // Another customer's subscription is not found here, as an unknown one.
                Some(Ok(found)) if found.customer_id != id => view! { <NotFoundPage detail=m.error_unknown_azure_subscription/> }.into_any(),
                Some(Ok(found)) => view! { <AccessControl subscription=found/> }.into_any(),
                Some(Err(error)) => backend_error(&error),
            })}
        </Transition>
    }
}

/// The subscription's overview and its Access control (IAM).
#[component]
fn AccessControl(subscription: AzureSubscriptionView) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let customer = use_customer();
    set_title(app, &fill(m.iam_page_title, &[("subscription", &subscription.name), ("customer", &customer.company_name)]));
    let may_manage = Memo::new(move |_| app.user().is_some_and(|u| u.role.may_change_customer_permissions()));
    let name = StoredValue::new(subscription.name.clone());
    let azure = subscription.azure_subscription_id;
    let scope = format!("/subscriptions/{azure}");
    view! {
        // Below the customer's breadcrumb (the one landmark of that name): a plain line.
        <p class="breadcrumb iam-breadcrumb">
            <a href=app.href(&AppRoute::Subscriptions(customer.id))>{m.subscriptions}</a>
            <span aria-hidden="true">" › "</span>
            <span>{subscription.name.clone()}</span>
        </p>
        <h2 class="section-title">{fill(m.iam_title, &[("subscription", &subscription.name)])}</h2>
        <section class="card" aria-labelledby="azure-overview-title">
            <h3 id="azure-overview-title" class="subsection-title">{m.azure_overview}</h3>
            <dl class="facts">
                <dt>{m.col_subscription_id}</dt><dd class="mono">{azure.to_string()}</dd>
                <dt>{m.col_offer}</dt><dd>{m.offer_name(subscription.offer)}</dd>
                <dt>{m.col_status}</dt><dd>{m.subscription_status(subscription.status)}</dd>
                <dt>{m.col_scope}</dt><dd class="mono">{scope.clone()}</dd>
            </dl>
        </section>
        {move || (!may_manage.get()).then(|| app.user()).flatten().map(|user| view! {
            <p class="read-only-reason" id="iam-read-only" data-testid="read-only-reason">
                {fill(m.only_admin_roles, &[("role", m.role(user.role))])}
            </p>
        })}
        <RoleAssignments assignments=subscription.assignments.clone() subscription_name=name.get_value() may_manage=may_manage/>
        {move || may_manage.get().then(|| view! { <AddRoleAssignment azure=azure subscription_name=name.get_value()/> })}
    }
}

/// Who holds which role here, each with **Remove** for an Admin agent.
#[component]
fn RoleAssignments(assignments: Vec<(RoleAssignment, CustomerUser)>, subscription_name: String, may_manage: Memo<bool>) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let actions = use_customer_actions();
    let removing = RwSignal::new(None::<RoleRemoval>);
    let subscription_name = StoredValue::new(subscription_name);
    // Who may change roles is known when the page is read (a change of user reads it again).
    let manage = may_manage.get_untracked();
    let mut columns = vec![m.col_user, m.col_user_name, m.col_role, m.col_scope];
    if manage {
        columns.push(m.col_actions);
    }
    let table = if assignments.is_empty() {
        view! { <EmptyText text=m.no_role_assignments/> }.into_any()
    } else {
        let rows = assignments
            .into_iter()
            .map(|(assignment, user)| {
                let removal = RoleRemoval {
                    azure: assignment.azure_subscription_id,
                    subscription_name: subscription_name.get_value(),
                    assignment: assignment.id,
                    user_name: user.display_name.clone(),
                    role: assignment.role,
                };
                let button_id = format!("remove-{}", assignment.id);
                let label = fill(m.remove_role_label, &[("role", m.azure_role(assignment.role)), ("user", &user.display_name)]);
                view! {
                    <tr>
                        <td>{user.display_name.clone()}</td>
                        <td class="mono-ish">{user.user_principal_name.clone()}</td>
                        <td>{m.azure_role(assignment.role)}</td>
                        <td>{m.scope_this_resource}</td>
                        // Removing is the Admin agent's (the others see no such column).
                        {manage.then(|| view! {
                            <td>
                                <button type="button" class="button" id=button_id.clone() aria-label=label.clone()
                                    disabled=move || actions.remove_role.pending().get()
                                    on:click=move |_| removing.set(Some(removal.clone()))>{m.remove}</button>
                            </td>
                        })}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table" data-testid="role-assignments-table">
                    <TableHead columns=columns/>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="role-assignments-title">
            <h3 id="role-assignments-title" class="subsection-title" tabindex="-1">{m.role_assignments}</h3>
            <p class="hint">{m.role_assignments_intro}</p>
            {table}
        </section>
        {move || removing.get().map(|removal| {
            let button_id = format!("remove-{}", removal.assignment);
            let title = fill(
                m.remove_role_title,
                &[("role", m.azure_role(removal.role)), ("user", &removal.user_name), ("subscription", &removal.subscription_name)],
            );
            let on_cancel_id = button_id;
            view! {
                <ConfirmDialog
                    title=title
                    confirm_label=m.remove
                    on_confirm=Callback::new(move |_| {
                        removing.set(None);
                        // Its row goes: focus stays in the section.
                        focus_by_id("role-assignments-title");
                        actions.remove_role.dispatch_local(removal.clone());
                    })
                    on_cancel=Callback::new(move |_| {
                        removing.set(None);
                        focus_by_id(&on_cancel_id);
                    })
                >
                    <p>{m.remove_role_intro}</p>
                </ConfirmDialog>
            }
        })}
    }
}

/// **Add role assignment**, as the Azure portal asks: the role, then the member, then
/// **Review + assign**.
#[component]
fn AddRoleAssignment(azure: AzureSubscriptionId, subscription_name: String) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    let actions = use_customer_actions();
    let users = actions.read_active_users(app);
    let role = RwSignal::new(AzureRole::Owner);
    let member = RwSignal::new(String::new());
    let reviewing = RwSignal::new(None::<RoleRequest>);
    let subscription_name = StoredValue::new(subscription_name);
    let assigning = actions.assign_role.pending();
    // The customer's active users, once read.
    let members = Memo::new(move |_| {
        users.get().flatten().and_then(Result::ok)
    });
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = member.get_untracked();
        let Some(user) = members.get_untracked().unwrap_or_default().into_iter().find(|u| u.id.to_string() == chosen) else {
            return;
        };
        reviewing.set(Some(RoleRequest {
            azure,
            subscription_name: subscription_name.get_value(),
            user: user.id,
            user_name: user.display_name,
            role: role.get_untracked(),
        }));
    };
    view! {
        <section class="card" aria-labelledby="add-role-title" data-testid="add-role-assignment">
            <h3 id="add-role-title" class="subsection-title">{m.add_role_assignment}</h3>
            <form class="stacked-form" on:submit=review>
                <fieldset class="role-choice">
                    <legend>{m.step_role}</legend>
                    {ROLES.into_iter().map(|r| {
                        let input_id = format!("role-{}", r.role_name().to_ascii_lowercase());
                        let description = match r {
                            AzureRole::Owner => m.role_owner_description,
                            AzureRole::Contributor => m.role_contributor_description,
                            AzureRole::Reader => m.role_reader_description,
                        };
                        view! {
                            <div class="radio">
                                <input type="radio" name="role" id=input_id.clone() prop:checked=move || role.get() == r
                                    on:change=move |_| role.set(r)/>
                                <label for=input_id>
                                    <strong>{m.azure_role(r)}</strong>
                                    <span class="secondary">" – "{description}</span>
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                {move || members.get().is_some_and(|list| list.is_empty()).then(|| view! { <EmptyText text=m.no_active_users/> })}
                <div class="field">
                    <label for="role-member">{m.step_member}</label>
                    <select id="role-member" prop:value=move || member.get() on:change=move |ev| member.set(event_target_value(&ev))>
                        <option value="" selected=move || member.get().is_empty()>{m.choose_member}</option>
                        {move || members.get().unwrap_or_default().into_iter().map(|u| {
                            let value = u.id.to_string();
                            let selected = { let value = value.clone(); move || member.get() == value };
                            view! { <option value=value selected=selected>{format!("{} ({})", u.display_name, u.user_principal_name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <button type="submit" class="button button-primary" id="review-assign"
                        disabled=move || member.get().is_empty() || assigning.get()>{m.review_and_assign}</button>
                    {move || assigning.get().then(|| view! { <span class="saving">" "{m.saving}</span> })}
                </div>
            </form>
        </section>
        {move || reviewing.get().map(|request| {
            let confirmed = request.clone();
            view! {
                <ConfirmDialog
                    title=m.review_and_assign.to_string()
                    confirm_label=m.assign
                    on_confirm=Callback::new(move |_| {
                        reviewing.set(None);
                        member.set(String::new());
                        focus_by_id("role-member");
                        actions.assign_role.dispatch_local(confirmed.clone());
                    })
                    on_cancel=Callback::new(move |_| {
                        reviewing.set(None);
                        focus_by_id("review-assign");
                    })
                >
                    <dl class="facts">
                        <dt>{m.col_role}</dt><dd>{m.azure_role(request.role)}</dd>
                        <dt>{m.step_member}</dt><dd>{request.user_name.clone()}</dd>
                        <dt>{m.col_scope}</dt><dd class="mono">{format!("/subscriptions/{}", request.azure)}</dd>
                    </dl>
                </ConfirmDialog>
            }
        })}
    }
}
