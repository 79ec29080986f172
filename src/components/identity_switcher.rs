//! Who is signed in to the demo: their name and role (or company) always shown, and a
//! choice of user: the partner's staff, and the customer users grouped by company.
//! Choosing someone of the other side opens that side's first page.

use domain::{Caller, CustomerUpn};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::app_route::{AppRoute, Side};
use crate::app_state::{caller_from_key, caller_key, use_app};
use crate::use_route;

#[component]
pub fn IdentitySwitcher() -> impl IntoView {
    let app = use_app();
    let m = app.t();
    let route = use_route();
    let navigate = use_navigate();
    let selected = move || app.current_user.get().map(|c| caller_key(&c)).unwrap_or_default();
    let name = move || app.current_user.get().and_then(|c| app.display_name(&c)).unwrap_or_default();
    let role = move || match (app.user(), app.customer_user()) {
        (Some(user), _) => m.role(user.role).to_string(),
        (None, Some((_, company))) => company.company_name,
        _ => String::new(),
    };
    let choose = move |value: String| {
        let caller = caller_from_key(&value);
        let side = Side::of(&caller);
        app.current_user.set(Some(caller));
        let here = route.get_untracked().side();
        if here != side && here != Side::Either || route.get_untracked() == AppRoute::Home {
            let home = match side {
                Side::Customer => AppRoute::MySubscriptions,
                _ => AppRoute::Customers,
            };
            navigate(&home.path(), Default::default());
        }
    };
    view! {
        <div class="identity">
            <div class="identity-current" data-testid="current-user">
                <span class="visually-hidden">{m.signed_in_as}" "</span>
                <span class="identity-name">{name}</span>
                <span class="identity-role">{role}</span>
            </div>
            <label class="visually-hidden" for="identity-select">{m.switch_user}</label>
            <select
                id="identity-select"
                class="identity-select"
                prop:value=selected
                on:change=move |ev| choose(event_target_value(&ev))
            >
                <optgroup label=m.partner_staff>
                    <For each=move || app.users.get() key=|u| u.id.clone() let:user>
                        {
                            let value = caller_key(&Caller::Partner(user.id.clone()));
                            let is_current = {
                                let value = value.clone();
                                move || selected() == value
                            };
                            view! {
                                <option value=value selected=is_current>
                                    {format!("{} ({})", user.display_name, m.role(user.role))}
                                </option>
                            }
                        }
                    </For>
                </optgroup>
                <For each=move || app.companies.get() key=|c| c.customer.id let:company>
                    <optgroup label=format!("{} ({})", company.customer.company_name, m.customer_users)>
                        {company.users.into_iter().map(|user| {
                            let value = caller_key(&Caller::Customer(CustomerUpn::new(&user.user_principal_name)));
                            let is_current = {
                                let value = value.clone();
                                move || selected() == value
                            };
                            view! { <option value=value selected=is_current>{user.display_name}</option> }
                        }).collect_view()}
                    </optgroup>
                </For>
            </select>
        </div>
    }
}
