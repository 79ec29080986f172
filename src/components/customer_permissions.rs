//! The Customer permissions area of the Account page: one switch per product family,
//! readiness beside them, a confirmation before turning On, and the outcome in words.

use domain::{CustomerId, Permission};
use leptos::prelude::*;

use crate::app_state::{use_app, NoticeKind};
use crate::backend::BackendError;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::permission_switch::PermissionSwitch;
use crate::components::readiness_panel::ReadinessPanel;
use crate::components::status_text::{backend_error, Loading};
use crate::messages::{fill, t};

#[component]
pub fn CustomerPermissions(id: CustomerId, #[prop(into)] company_name: String) -> impl IntoView {
    let app = use_app();
    let m = t();
    let company_name = StoredValue::new(company_name);
    let state = LocalResource::new(move || {
        app.data_version.track();
        let backend = app.backend();
        async move {
            let permissions = backend.permissions(id).await?;
            let readiness = backend.readiness(id).await?;
            Ok::<_, BackendError>((permissions, readiness))
        }
    });
    // The state last read from the backend; the switches show exactly this, and cannot be
    // moved while it is unknown (not read yet, or the read failed).
    let granted = Memo::new(move |_| state.get().and_then(|r| r.ok()).map(|(p, _)| p));
    let may_change = Memo::new(move |_| app.user().is_some_and(|u| u.role.may_change_customer_permissions()));
    let saving = RwSignal::new(None::<Permission>);
    let confirming = RwSignal::new(None::<Permission>);

    let apply = move |permission: Permission, allowed: bool| {
        let Some(actor) = app.current_user.get_untracked() else { return };
        let backend = app.backend();
        saving.set(Some(permission));
        leptos::task::spawn_local(async move {
            let result = backend.set_permission(&actor, id, permission, allowed).await;
            saving.try_set(None);
            match result {
                Ok(now) => {
                    let template = if now.contains(&permission) { m.turned_on } else { m.turned_off };
                    let name = company_name.try_get_value().unwrap_or_default();
                    app.notify(NoticeKind::Success, fill(template, &[m.permission(permission), &name]));
                }
                Err(error) => app.report(&error),
            }
            // Success or not, show the real state.
            app.data_changed();
        });
    };
    let request = move |permission: Permission, on: bool| {
        if on {
            confirming.set(Some(permission));
        } else {
            apply(permission, false);
        }
    };

    view! {
        <section class="card permissions" aria-labelledby="permissions-title" data-testid="customer-permissions">
            <h2 id="permissions-title" class="section-title">{m.customer_permissions}</h2>
            <p class="hint">{m.customer_permissions_intro}</p>
            {move || (!may_change.get() && app.user().is_some()).then(|| {
                let role = app.user().map(|u| m.role(u.role)).unwrap_or_default();
                view! { <p class="read-only-reason" id="read-only-reason" data-testid="read-only-reason">{fill(m.only_admin_agents, &[role])}</p> }
            })}
            <div class="permissions-layout">
                <div class="permission-rows">
                    {Permission::ALL.into_iter().map(|permission| {
                        let key = switch_key(permission);
                        let explained = match permission {
                            Permission::AzureReservations => m.reservations_explained,
                            Permission::AzureSavingsPlan => m.savings_plan_explained,
                        };
                        let checked = Signal::derive(move || granted.get().is_some_and(|g| g.contains(&permission)));
                        let disabled = Signal::derive(move || {
                            !may_change.get() || saving.get().is_some() || granted.get().is_none()
                        });
                        let described_by = move || if may_change.get() {
                            format!("explain-{key}")
                        } else {
                            format!("explain-{key} read-only-reason")
                        };
                        view! {
                            <div class="permission-row" data-testid=format!("permission-{key}")>
                                <h3 class="permission-name">{m.permission(permission)}</h3>
                                <p class="hint" id=format!("explain-{key}")>{explained}</p>
                                <PermissionSwitch
                                    id=format!("switch-{key}")
                                    label=m.allow_customer_to_purchase
                                    label_detail=m.permission(permission)
                                    checked=checked
                                    disabled=disabled
                                    described_by=described_by()
                                    on_toggle=Callback::new(move |on| request(permission, on))
                                />
                                {move || (saving.get() == Some(permission)).then(|| view! { <span class="saving">{m.saving}</span> })}
                            </div>
                        }
                    }).collect_view()}
                </div>
                <Transition fallback=Loading>
                    {move || state.get().map(|result| match result {
                        Ok((_, readiness)) => view! { <ReadinessPanel id=id readiness=readiness/> }.into_any(),
                        Err(error) => backend_error(&error),
                    })}
                </Transition>
            </div>
        </section>
        {move || confirming.get().map(|permission| {
            let name = company_name.get_value();
            view! {
                <ConfirmDialog
                    title=fill(m.confirm_title, &[&name, m.permission(permission)])
                    confirm_label=m.turn_on
                    on_confirm=Callback::new(move |_| {
                        confirming.set(None);
                        focus_switch(permission);
                        apply(permission, true);
                    })
                    on_cancel=Callback::new(move |_| {
                        confirming.set(None);
                        focus_switch(permission);
                    })
                >
                    <p>{m.confirm_intro}</p>
                    <ul class="consequences">
                        <li>{m.consequence_pay}</li>
                        <li>{m.consequence_not_notified}</li>
                        <li>{m.consequence_no_self_service}</li>
                        <li>{m.consequence_visible}</li>
                    </ul>
                </ConfirmDialog>
            }
        })}
    }
}


/// The part of element ids that names a permission's row.
fn switch_key(permission: Permission) -> &'static str {
    match permission {
        Permission::AzureReservations => "reservations",
        Permission::AzureSavingsPlan => "savings-plan",
    }
}

/// Gives keyboard focus back to the switch that opened the dialog.
fn focus_switch(permission: Permission) {
    use wasm_bindgen::JsCast;
    let switch = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("switch-{}", switch_key(permission))))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(switch) = switch {
        let _ = switch.focus();
    }
}
