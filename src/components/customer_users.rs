//! The Account page's Users section: the people in the customer's tenant, and the Azure
//! roles they hold on its Azure subscriptions.

use domain::{CustomerId, UserWithRoles};
use leptos::prelude::*;

use crate::app_state::use_app;
use crate::components::status_text::{backend_error, EmptyText, Loading, TableHead};
use crate::i18n::{CustomerTexts, fill};
use crate::pages::read_as_user;

#[component]
pub fn CustomerUsers(id: CustomerId) -> impl IntoView {
    let app = use_app();
    let m = app.texts::<CustomerTexts>();
    // Roles change on this page (readiness fixes) and on Manage: read again after every
    // change kept.
    let users = read_as_user(app, || (), move |backend, caller| async move { backend.customer_users(&caller, id).await });
    view! {
        <section class="card" aria-labelledby="users-title" data-testid="customer-users">
            <h2 id="users-title" class="section-title">{m.users_title}</h2>
            <p class="hint">{m.users_intro}</p>
            <Transition fallback=Loading>
                {move || users.get().map(|read| match read {
                    None => view! { <Loading/> }.into_any(),
                    Some(Ok(users)) if users.is_empty() => view! { <EmptyText text=m.no_users/> }.into_any(),
                    Some(Ok(users)) => view! { <UserTable users=users/> }.into_any(),
                    Some(Err(error)) => backend_error(&error),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UserTable(users: Vec<UserWithRoles>) -> impl IntoView {
    let m = use_app().texts::<CustomerTexts>();
    let rows = users
        .into_iter()
        .map(|UserWithRoles { user, roles }| {
            let roles = if roles.is_empty() {
                view! { <span class="secondary">{m.no_azure_role}</span> }.into_any()
            } else {
                roles
                    .into_iter()
                    .map(|(subscription, role)| {
                        let text = fill(m.azure_role_on, &[("role", m.azure_role(role)), ("subscription", &subscription.to_string())]);
                        view! { <div class="azure-role">{text}</div> }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr>
                    <td>{user.display_name}</td>
                    <td class="mono-ish">{user.user_principal_name}</td>
                    <td>{m.user_state(user.state)}</td>
                    <td>{roles}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="users-table">
                <TableHead columns=vec![m.col_user, m.col_user_name, m.col_user_state, m.col_azure_roles]/>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
