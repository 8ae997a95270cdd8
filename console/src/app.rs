//! The console's DOM (wasm32 only): the Leptos application that
//! `/console` starts, its screens and forms. Every text and number comes
//! from the native-tested modules; this file wires signals, requests and
//! focus.

use aduan_core::Text;
use aduan_core::api::v1::{
    Agency, AwardSummary, InboxPage, LeaderboardView, OfficerComplaintView, OfficerRole, OfficerView,
    StatsView,
};
use aduan_core::lifecycle::ActionKind;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::actions::{self, ActionFields, FieldIssue};
use crate::dashboard;
use crate::detail;
use crate::http::{self, Failure};
use crate::inbox::{self, InboxFilter};
use crate::route::Route;

/// Starts the console: called once by wasm-bindgen's start hook when the
/// page's module script has loaded the bundle.
#[wasm_bindgen(start)]
pub(crate) fn start() {
    leptos::mount::mount_to_body(App);
}

/// What every screen shares: who is signed in and where they are.
#[derive(Debug, Clone, Copy)]
struct Session {
    token: RwSignal<Option<String>>,
    me: RwSignal<Option<OfficerView>>,
    agencies: RwSignal<Vec<Agency>>,
    route: RwSignal<Route>,
}

impl Session {
    fn token(&self) -> String {
        self.token.get_untracked().unwrap_or_default()
    }

    fn is_koordinator(&self) -> bool {
        self.me.with_untracked(|m| m.as_ref().is_some_and(|m| m.role == OfficerRole::Koordinator))
    }

    fn own_agency(&self) -> Option<String> {
        self.me.with_untracked(|m| m.as_ref().and_then(|m| m.agency.as_ref().map(|a| a.as_str().to_owned())))
    }

    /// The agency's name for an id (the id itself while the list loads).
    fn agency_name(&self) -> impl Fn(&str) -> String + Clone + Send + Sync + 'static + use<> {
        let agencies = self.agencies;
        move |id: &str| {
            agencies.with_untracked(|list| {
                list.iter().find(|a| a.id.as_str() == id).map_or_else(|| id.to_owned(), |a| a.name.clone())
            })
        }
    }

    fn sign_out(&self) {
        http::clear_token();
        self.token.set(None);
        self.me.set(None);
        set_hash(&Route::Inbox);
    }

    /// Handles a failure every screen treats alike: a refused token signs
    /// the officer out. Returns the failure for the screen to show.
    fn check(&self, failure: Failure) -> Failure {
        if failure == Failure::Unauthorized {
            self.sign_out();
        }
        failure
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn set_hash(route: &Route) {
    let _ = window().location().set_hash(&route.hash());
}

/// Moves focus to the element with `id` once it is in the page.
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) =
            document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Focuses the screen's heading after a route change.
fn focus_heading() {
    request_animation_frame(|| {
        if let Ok(Some(h1)) = document().query_selector("main h1")
            && let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = h1.focus();
        }
    });
}

/// A text in Indonesian with its English beside it, as every error shows.
fn both(text: &Text) -> impl IntoView + use<> {
    let id = text.id.clone();
    let en = text.en.clone();
    view! {
        {id}
        <span class="english" lang="en">{en}</span>
    }
}

#[component]
fn App() -> impl IntoView {
    let session = Session {
        token: RwSignal::new(http::stored_token()),
        me: RwSignal::new(None),
        agencies: RwSignal::new(Vec::new()),
        route: RwSignal::new(Route::parse(&current_hash())),
    };
    provide_context(session);
    let checking = RwSignal::new(session.token.get_untracked().is_some());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        session.route.set(Route::parse(&current_hash()));
    });
    // A token kept from earlier in this tab: check it before showing anything.
    if let Some(token) = session.token.get_untracked() {
        spawn_local(async move {
            match who_am_i(&token).await {
                Ok(me) => signed_in(session, token, me),
                Err(_) => {
                    http::clear_token();
                    session.token.set(None);
                }
            }
            checking.set(false);
        });
    }
    let screen = Memo::new(move |_| (session.me.with(Option::is_some), session.route.get()));
    Effect::new(move |_| {
        let (signed, route) = screen.get();
        document().set_title(&if signed { route.title() } else { "Masuk – Konsol Aduan".to_owned() });
        focus_heading();
    });
    view! {
        <a href="#utama" class="skip-link" on:click=|ev| { ev.prevent_default(); focus_later("utama"); }>
            "Langsung ke konten utama"
        </a>
        <header class="header">
            <div class="header-inner">
                <span class="header-title">"Konsol Aduan"</span>
                {move || session.me.get().map(|me| view! {
                    <nav class="nav" aria-label="Menu utama">
                        <a href="#/kotak-masuk" class="nav-link"
                            aria-current=move || (session.route.get() != Route::Dashboard).then_some("page")>
                            "Kotak masuk"
                        </a>
                        <a href="#/dasbor" class="nav-link"
                            aria-current=move || (session.route.get() == Route::Dashboard).then_some("page")>
                            "Dasbor"
                        </a>
                    </nav>
                    <div class="officer">
                        <span id="petugas">{me.name.clone()}</span>
                        <span class="officer-role">
                            {match me.role {
                                OfficerRole::Koordinator => "Admin koordinator".to_owned(),
                                OfficerRole::Penghubung => format!("Admin penghubung {}", me.agency_name.clone().unwrap_or_default()),
                            }}
                        </span>
                        <button type="button" id="keluar" class="button button-secondary" on:click=move |_| session.sign_out()>
                            "Keluar"
                        </button>
                    </div>
                })}
            </div>
        </header>
        <main id="utama" class="main" tabindex="-1">
            {move || {
                if checking.get() {
                    return view! { <p class="loading">"Memeriksa sesi…"</p> }.into_any();
                }
                match screen.get() {
                    (false, _) => view! { <SignIn/> }.into_any(),
                    (true, Route::Inbox) => view! { <Inbox/> }.into_any(),
                    (true, Route::Dashboard) => view! { <Dashboard/> }.into_any(),
                    (true, Route::Complaint(ticket)) => view! { <Detail ticket=ticket/> }.into_any(),
                }
            }}
        </main>
    }
}

/// `GET /api/v1/me`: who the token belongs to, and so which screens and
/// actions to show.
async fn who_am_i(token: &str) -> Result<OfficerView, Failure> {
    http::get::<OfficerView>("/api/v1/me", token).await
}

fn signed_in(session: Session, token: String, me: OfficerView) {
    http::store_token(&token);
    session.token.set(Some(token.clone()));
    session.me.set(Some(me));
    if session.route.get_untracked() == Route::Inbox {
        set_hash(&Route::Inbox);
    }
    spawn_local(async move {
        if let Ok(list) = http::get::<Vec<Agency>>("/api/v1/agencies", &token).await {
            session.agencies.set(list);
        }
    });
}

/// The GOV.UK error summary: "Ada masalah", each error linking to its field.
fn error_summary(id: &'static str, issues: Vec<(String, Text)>) -> impl IntoView {
    view! {
        <div id=id class="error-summary" role="alert" tabindex="-1" aria-labelledby=format!("{id}-judul")>
            <h2 class="error-summary-title" id=format!("{id}-judul")>"Ada masalah"</h2>
            <ul class="error-summary-list">
                {issues.into_iter().map(|(field, message)| {
                    let target = field.clone();
                    view! {
                        <li>
                            <a href=format!("#{field}") on:click=move |ev| {
                                ev.prevent_default();
                                if let Some(el) = document().get_element_by_id(&target).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                    let _ = el.focus();
                                }
                            }>{both(&message)}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// An inline error after a field's label.
fn inline_error(id: String, message: Option<Text>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p class="error-message" id=id>
                <span class="visually-hidden">"Galat: "</span>
                {both(&m)}
            </p>
        }
    })
}

// ----- Sign-in ----------------------------------------------------------

#[component]
fn SignIn() -> impl IntoView {
    let session = expect_context::<Session>();
    let token = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = token.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some(Text::new("Masukkan token petugas", "Enter the officer token")));
            focus_later("ringkasan-galat");
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match who_am_i(&typed).await {
                Ok(me) => {
                    error.set(None);
                    signed_in(session, typed, me);
                }
                Err(Failure::Unauthorized) => {
                    error.set(Some(Text::new(
                        "Token petugas salah. Periksa token yang Anda terima dari admin",
                        "The officer token is wrong. Check the token your admin gave you",
                    )));
                    focus_later("ringkasan-galat");
                }
                Err(other) => {
                    error.set(Some(other.message()));
                    focus_later("ringkasan-galat");
                }
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <div class="narrow">
            {move || error.get().map(|e| error_summary("ringkasan-galat", vec![("token".to_owned(), e)]))}
            <h1 class="heading-l" tabindex="-1">"Masuk ke Konsol Aduan"</h1>
            <p class="body">"Untuk admin koordinator dan admin penghubung instansi. Token hanya disimpan di tab ini dan terhapus saat Anda keluar atau menutup tab."</p>
            <form id="masuk" novalidate on:submit=submit>
                <div class="form-group" class:form-group-error=move || error.with(Option::is_some)>
                    <label class="label" for="token">"Token petugas"</label>
                    {move || inline_error("token-galat".to_owned(), error.get())}
                    <input id="token" name="token" type="password" class="input" autocomplete="current-password"
                        spellcheck="false"
                        class:input-error=move || error.with(Option::is_some)
                        aria-describedby=move || error.with(Option::is_some).then_some("token-galat")
                        prop:value=move || token.get()
                        on:input=move |ev| token.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button">"Masuk"</button>
            </form>
        </div>
    }
}

// ----- Inbox --------------------------------------------------------------

#[component]
fn Inbox() -> impl IntoView {
    let session = expect_context::<Session>();
    let draft = RwSignal::new(InboxFilter::default());
    let applied = RwSignal::new(InboxFilter::default());
    let page = RwSignal::new(None::<Result<InboxPage, Failure>>);
    let export = RwSignal::new(None::<Result<String, Text>>);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let filter = applied.get();
        let token = session.token();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let result =
                http::get::<InboxPage>(&format!("/api/v1/inbox?{}", filter.query(true)), &token).await;
            if generation.try_get_value() == Some(mine) {
                let _ = page.try_set(Some(result.map_err(|f| session.check(f))));
            }
        });
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut f = draft.get_untracked();
        f.offset = 0;
        applied.set(f);
    };
    let go = move |delta: i64| {
        applied.update(|f| {
            let next = i64::from(f.offset) + delta * i64::from(inbox::PAGE_SIZE);
            f.offset = u32::try_from(next.max(0)).unwrap_or(0);
        });
        focus_later("daftar-aduan");
    };
    let export_csv = move |_| {
        let token = session.token();
        let query = applied.get_untracked().query(false);
        export.set(None);
        spawn_local(async move {
            let path = if query.is_empty() {
                "/api/v1/inbox.csv".to_owned()
            } else {
                format!("/api/v1/inbox.csv?{query}")
            };
            let result = http::download(&path, &token, "kotak-masuk.csv")
                .await
                .map_err(|f| session.check(f).message());
            let _ = export.try_set(Some(result));
        });
    };
    let koordinator = session.is_koordinator();
    let name = session.agency_name();
    view! {
        <h1 class="heading-l" tabindex="-1">"Kotak masuk"</h1>
        <form id="filter" class="filter" role="search" aria-label="Saring aduan" on:submit=submit>
            <div class="filter-row">
                <div class="form-group filter-search">
                    <label class="label" for="cari">"Cari judul, isi, atau nomor tiket"</label>
                    <input id="cari" type="search" class="input" prop:value=move || draft.with(|f| f.search.clone())
                        on:input=move |ev| draft.update(|f| f.search = event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-status">"Status"</label>
                    <select id="filter-status" class="select" on:change=move |ev| draft.update(|f| f.status = event_target_value(&ev))>
                        {inbox::status_options().into_iter().map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-jenis">"Jenis"</label>
                    <select id="filter-jenis" class="select" on:change=move |ev| draft.update(|f| f.kind = event_target_value(&ev))>
                        {inbox::kind_options().into_iter().map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()}
                    </select>
                </div>
                {koordinator.then(|| view! {
                    <div class="form-group">
                        <label class="label" for="filter-instansi">"Instansi"</label>
                        <select id="filter-instansi" class="select" on:change=move |ev| draft.update(|f| f.agency = event_target_value(&ev))>
                            <option value="">"Semua instansi"</option>
                            {move || session.agencies.get().into_iter().map(|a| view! { <option value=a.id.as_str().to_owned()>{a.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
            </div>
            <div class="filter-row">
                <div class="checkbox">
                    <input id="filter-terlambat" type="checkbox" class="checkbox-input"
                        on:change=move |ev| draft.update(|f| f.overdue = event_target_checked(&ev))/>
                    <label class="label checkbox-label" for="filter-terlambat">"Hanya yang terlambat"</label>
                </div>
                <div class="checkbox">
                    <input id="filter-berisiko" type="checkbox" class="checkbox-input"
                        on:change=move |ev| draft.update(|f| f.at_risk = event_target_checked(&ev))/>
                    <label class="label checkbox-label" for="filter-berisiko">"Hanya yang hampir terlambat"</label>
                </div>
                <button type="submit" class="button button-secondary">"Terapkan filter"</button>
                <button type="button" id="ekspor-csv" class="button button-secondary" on:click=export_csv>
                    "Ekspor CSV"
                </button>
            </div>
        </form>
        <div id="pesan-ekspor" role="status" class="export-status">
            {move || export.get().map(|r| match r {
                Ok(file) => view! { <p class="body">{format!("Berkas {file} sudah diunduh")}</p> }.into_any(),
                Err(e) => view! { <p class="error-message">{both(&e)}</p> }.into_any(),
            })}
        </div>
        {move || match page.get() {
            None => view! { <p class="loading">"Memuat aduan…"</p> }.into_any(),
            Some(Err(f)) => view! { <div class="notice" role="alert">{both(&f.message())}</div> }.into_any(),
            Some(Ok(p)) => {
                let offset = applied.with_untracked(|f| f.offset);
                let summary = inbox::page_summary(offset, p.items.len(), p.total);
                let has_next = u64::from(offset) + (p.items.len() as u64) < p.total;
                let zone_of = |agency: Option<&aduan_core::AgencyId>| {
                    session.agencies.with_untracked(|list| {
                        agency.and_then(|a| list.iter().find(|x| &x.id == a)).map_or(aduan_core::Zone::WITA, |x| x.zone)
                    })
                };
                let rows: Vec<inbox::Row> = p.items.iter().map(|i| inbox::row(i, zone_of(i.agency.as_ref()), &name)).collect();
                view! {
                    <div class="table-wrap">
                        <table id="daftar-aduan" class="table" tabindex="-1">
                            <caption class="table-caption">"Aduan, paling mendesak di atas" <span class="caption-note">{summary.clone()}</span></caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Aduan"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Instansi"</th>
                                    <th scope="col">"Diterima"</th>
                                    <th scope="col">"Batas waktu"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let urgency = if r.overdue { "tag tag-red" } else if r.at_risk { "tag tag-yellow" } else { "tag tag-grey" };
                                    view! {
                                        <tr data-ticket=r.ticket.clone()>
                                            <td>
                                                <a href=format!("#/aduan/{}", r.ticket) class="link">{r.title.clone()}</a>
                                                <span class="secondary">{format!("{} · {}", r.ticket, r.kind)}</span>
                                            </td>
                                            <td><span class="tag">{r.status.clone()}</span></td>
                                            <td>{r.agency.clone()}</td>
                                            <td>{r.received.clone()}</td>
                                            <td><span class=urgency>{r.remaining.clone()}</span></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <nav class="pagination" aria-label="Halaman kotak masuk">
                        {(offset > 0).then(|| view! {
                            <button type="button" class="button button-secondary" on:click=move |_| go(-1)>"Sebelumnya"</button>
                        })}
                        {has_next.then(|| view! {
                            <button type="button" class="button button-secondary" on:click=move |_| go(1)>"Berikutnya"</button>
                        })}
                    </nav>
                }.into_any()
            }
        }}
    }
}

// ----- Detail -------------------------------------------------------------

/// What `#pesan` says after an action.
#[derive(Debug, Clone, PartialEq)]
enum Message {
    Done(Text),
    Conflict(Text),
    Failed(Text),
    Errors { action: ActionKind, issues: Vec<FieldIssue> },
}

fn field_id(kind: ActionKind, field: &str) -> String {
    if field.is_empty() { format!("tindakan-{}", kind.code()) } else { format!("{}-{field}", kind.code()) }
}

#[component]
fn Detail(ticket: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let data = RwSignal::new(None::<Result<OfficerComplaintView, Failure>>);
    let message = RwSignal::new(None::<Message>);
    {
        let ticket = ticket.clone();
        let token = session.token();
        spawn_local(async move {
            let result =
                http::get::<OfficerComplaintView>(&format!("/api/v1/complaints/{ticket}"), &token).await;
            let _ = data.try_set(Some(result.map_err(|f| session.check(f))));
        });
    }
    let name = session.agency_name();
    view! {
        <a href="#/kotak-masuk" class="back-link">"Kembali ke kotak masuk"</a>
        <h1 class="heading-l" tabindex="-1">{format!("Aduan {ticket}")}</h1>
        <div class="message-slot">
            {move || message.get().map(|m| match m {
                Message::Done(t) => view! { <div id="pesan" role="status" tabindex="-1" class="notice notice-success">{both(&t)}</div> }.into_any(),
                Message::Conflict(t) => view! { <div id="pesan" role="alert" tabindex="-1" class="notice notice-warning"><h2 class="heading-s">"Petugas lain bertindak lebih dulu"</h2><p>{both(&t)}</p></div> }.into_any(),
                Message::Failed(t) => view! { <div id="pesan" role="alert" tabindex="-1" class="notice notice-warning">{both(&t)}</div> }.into_any(),
                Message::Errors { action, issues } => error_summary(
                    "pesan",
                    issues.into_iter().map(|i| (field_id(action, &i.field), i.message)).collect(),
                ).into_any(),
            })}
        </div>
        {move || match data.get() {
            None => view! { <p class="loading">"Memuat aduan…"</p> }.into_any(),
            Some(Err(f)) => view! { <div class="notice" role="alert">{both(&f.message())}</div> }.into_any(),
            Some(Ok(v)) => complaint_view(&v, data, message, name.clone()).into_any(),
        }}
    }
}

fn complaint_view<N: Fn(&str) -> String + Clone + Send + Sync + 'static>(
    v: &OfficerComplaintView,
    data: RwSignal<Option<Result<OfficerComplaintView, Failure>>>,
    message: RwSignal<Option<Message>>,
    name: N,
) -> impl IntoView + use<N> {
    let c = &v.complaint;
    let fields = detail::fields(v, &name);
    let clocks = detail::clocks(v);
    let steps = detail::timeline(v, &name);
    let map = detail::map_point(v);
    let kinds = detail::officer_actions(v);
    view! {
        <article id="aduan" data-ticket=c.ticket.to_string() data-status=c.status.code.code() data-version=c.version.to_string()>
            <p class="status-line">"Status: " <strong class="tag tag-blue">{c.status.label.id.clone()}</strong></p>
            <div class="columns">
                <div class="column-main">
                    <h2 class="heading-m">"Isi aduan"</h2>
                    <dl class="summary-list">
                        {fields.into_iter().map(|f| view! {
                            <div class="summary-row">
                                <dt class="summary-key">{f.label}</dt>
                                <dd class="summary-value">{f.value}</dd>
                            </div>
                        }).collect_view()}
                        {map.map(|(text, link)| view! {
                            <div class="summary-row">
                                <dt class="summary-key">"Titik peta"</dt>
                                <dd class="summary-value">
                                    {text}" "
                                    <a class="link" href=link rel="noreferrer noopener" target="_blank">"Lihat di OpenStreetMap (tab baru)"</a>
                                </dd>
                            </div>
                        })}
                    </dl>
                    <h2 class="heading-m">"Batas waktu"</h2>
                    <table class="table">
                        <caption class="visually-hidden">"Batas waktu layanan aduan ini"</caption>
                        <thead><tr>
                            <th scope="col">"Tahap"</th><th scope="col">"Jatuh tempo"</th>
                            <th scope="col">"Sisa waktu"</th><th scope="col">"Keadaan"</th>
                        </tr></thead>
                        <tbody>
                            {clocks.into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.what}</th>
                                    <td>{r.due}</td>
                                    <td>{r.remaining}</td>
                                    <td><span class=format!("tag clock-{}", r.state_code)>{r.state}</span></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h2 class="heading-m">"Linimasa"</h2>
                    <ol id="linimasa" class="timeline">
                        {steps.into_iter().map(|s| view! {
                            <li class="timeline-item">
                                <p class="timeline-title">{s.label}</p>
                                <p class="secondary"><time datetime=s.datetime>{s.at}</time>{format!(" · oleh {}", s.who)}</p>
                                {s.to.map(|to| view! { <p class="body">{format!("Instansi: {to}")}</p> })}
                                {s.message.map(|m| view! { <p class="timeline-message">{m}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
                <div class="column-side">
                    <h2 class="heading-m">"Tindakan"</h2>
                    {if kinds.is_empty() {
                        view! { <p class="body">"Tidak ada tindakan yang dapat Anda lakukan pada aduan ini sekarang."</p> }.into_any()
                    } else {
                        kinds.into_iter().map(|k| action_form(k, v, data, message)).collect_view().into_any()
                    }}
                </div>
            </div>
        </article>
    }
}

fn action_form(
    kind: ActionKind,
    v: &OfficerComplaintView,
    data: RwSignal<Option<Result<OfficerComplaintView, Failure>>>,
    message: RwSignal<Option<Message>>,
) -> impl IntoView + use<> {
    let session = expect_context::<Session>();
    let fields = RwSignal::new(ActionFields::default());
    let search = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let ticket = v.complaint.ticket.to_string();
    let version = v.complaint.version;
    let privacy = v.complaint.privacy;
    let error_for = move |field: &'static str| {
        move || match message.get() {
            Some(Message::Errors { action, issues }) if action == kind => {
                issues.into_iter().find(|i| i.field == field).map(|i| i.message)
            }
            _ => None,
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = match actions::request(kind, &fields.get_untracked(), version) {
            Ok(body) => body,
            Err(issues) => {
                message.set(Some(Message::Errors { action: kind, issues }));
                focus_later("pesan");
                return;
            }
        };
        busy.set(true);
        let ticket = ticket.clone();
        let token = session.token();
        let name = session.agency_name();
        spawn_local(async move {
            let path = format!("/api/v1/complaints/{ticket}/actions");
            let shown = match http::post::<OfficerComplaintView, _>(&path, &token, &body).await {
                Ok(new) => {
                    data.set(Some(Ok(new)));
                    Message::Done(actions::done(kind, &ticket))
                }
                Err(Failure::Problem(p)) if p.status == 409 => {
                    match http::get::<OfficerComplaintView>(&format!("/api/v1/complaints/{ticket}"), &token)
                        .await
                    {
                        Ok(reloaded) => {
                            let text = actions::conflict(version, &reloaded, &name);
                            data.set(Some(Ok(reloaded)));
                            Message::Conflict(text)
                        }
                        Err(f) => Message::Conflict(p.message.clone()).or_failed(f),
                    }
                }
                Err(Failure::Problem(p)) if p.status == 422 => {
                    let mut issues = actions::issues_from_problem(&p);
                    if issues.is_empty() {
                        issues.push(FieldIssue { field: String::new(), message: p.message.clone() });
                    }
                    Message::Errors { action: kind, issues }
                }
                Err(f) => Message::Failed(session.check(f).message()),
            };
            let _ = message.try_set(Some(shown));
            let _ = busy.try_set(false);
            focus_later("pesan");
        });
    };
    let code = kind.code();
    let id = move |field: &str| field_id(kind, field);
    let body = match kind {
        ActionKind::Verified => {
            let choices = actions::privacy_choices(privacy);
            (!choices.is_empty()).then(|| {
                let current = privacy.map_or("", actions::privacy_label);
                view! {
                    <div class="form-group">
                        <label class="label" for=id("privacy")>"Privasi (opsional)"</label>
                        <p class="hint">"Hanya dapat diperketat, tidak pernah dilonggarkan"</p>
                        <select id=id("privacy") name="privacy" class="select"
                            on:change=move |ev| fields.update(|f| f.privacy = event_target_value(&ev))>
                            <option value="">{format!("Tetap {current}")}</option>
                            {choices.into_iter().map(|(p, label)| view! { <option value=p.code()>{label}</option> }).collect_view()}
                        </select>
                    </div>
                }
            }).into_any()
        }
        ActionKind::Disposed => view! {
            <div class="form-group">
                <label class="label" for=id("cari")>"Cari instansi"</label>
                <input id=id("cari") name="cari-instansi" type="search" class="input"
                    aria-controls=id("agency")
                    on:input=move |ev| search.set(event_target_value(&ev))/>
            </div>
            {agency_select(kind, "Instansi tujuan", fields, search, error_for("agency"), true)}
        }.into_any(),
        ActionKind::Rerouted => view! {
            {textarea(kind, "reason", "Alasan bukan wewenang instansi", "Ditampilkan kepada pelapor", fields, error_for("reason"))}
            {agency_select(kind, "Instansi yang seharusnya (opsional)", fields, search, error_for("agency"), false)}
        }.into_any(),
        ActionKind::Held => {
            textarea(kind, "reason", "Alasan penundaan", "Misalnya informasi yang ditunggu dari pelapor", fields, error_for("reason")).into_any()
        }
        ActionKind::Responded => {
            textarea(kind, "message", "Tanggapan instansi", "Ditampilkan kepada pelapor", fields, error_for("message")).into_any()
        }
        ActionKind::FollowedUp => {
            textarea(kind, "message", "Tindak lanjut yang sudah dilakukan", "Ditampilkan kepada pelapor", fields, error_for("message")).into_any()
        }
        ActionKind::Archived => view! {
            <div class="form-group" class:form-group-error=move || error_for("reason")().is_some()>
                <label class="label" for=id("reason")>"Alasan pengarsipan"</label>
                {move || inline_error(format!("{}-galat", id("reason")), error_for("reason")())}
                <select id=id("reason") name="reason" class="select"
                    on:change=move |ev| fields.update(|f| f.reason = event_target_value(&ev))>
                    <option value="">"Pilih alasan"</option>
                    {actions::archive_reasons().into_iter().map(|(r, label)| view! { <option value=r.code()>{label}</option> }).collect_view()}
                </select>
            </div>
            {textarea(kind, "note", "Catatan", "Untuk duplikat, sebutkan nomor tiket aduan aslinya", fields, error_for("note"))}
        }.into_any(),
        _ => ().into_any(),
    };
    view! {
        <form class="tindakan" data-action=code novalidate id=field_id(kind, "") tabindex="-1" on:submit=submit>
            <h3 class="heading-s">{actions::title(kind)}</h3>
            {body}
            <button type="submit" class=if kind == ActionKind::Archived { "button button-warning" } else { "button" }>
                {actions::button(kind)}
            </button>
        </form>
    }
}

trait OrFailed {
    fn or_failed(self, failure: Failure) -> Message;
}

impl OrFailed for Message {
    /// A conflict whose reload failed still says so, with why the reload failed.
    fn or_failed(self, failure: Failure) -> Message {
        match self {
            Message::Conflict(t) => Message::Conflict(Text::new(
                format!("{}. {}", t.id, failure.message().id),
                format!("{}. {}", t.en, failure.message().en),
            )),
            other => other,
        }
    }
}

fn textarea<E: Fn() -> Option<Text> + Copy + Send + Sync + 'static>(
    kind: ActionKind,
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    fields: RwSignal<ActionFields>,
    error: E,
) -> impl IntoView + use<E> {
    let id = field_id(kind, field);
    let hint_id = format!("{id}-petunjuk");
    let error_id = format!("{id}-galat");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <div class="form-group" class:form-group-error=move || error().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || inline_error(error_id.clone(), error())}
            <textarea id=id name=field class="textarea" rows="4"
                class:textarea-error=move || error().is_some()
                aria-describedby=described
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    fields.update(|f| match field {
                        "message" => f.message = value,
                        "note" => f.note = value,
                        _ => f.reason = value,
                    });
                }></textarea>
        </div>
    }
}

fn agency_select<E: Fn() -> Option<Text> + Copy + Send + Sync + 'static>(
    kind: ActionKind,
    label: &'static str,
    fields: RwSignal<ActionFields>,
    search: RwSignal<String>,
    error: E,
    required: bool,
) -> impl IntoView + use<E> {
    let session = expect_context::<Session>();
    let id = field_id(kind, "agency");
    let error_id = format!("{id}-galat");
    view! {
        <div class="form-group" class:form-group-error=move || error().is_some()>
            <label class="label" for=id.clone()>{label}</label>
            {move || inline_error(error_id.clone(), error())}
            <select id=id name="agency" class="select select-wide"
                on:change=move |ev| fields.update(|f| f.agency = event_target_value(&ev))>
                <option value="">{if required { "Pilih instansi" } else { "Tidak ada saran" }}</option>
                {move || {
                    let query = search.get().trim().to_ascii_lowercase();
                    let chosen = fields.with(|f| f.agency.clone());
                    session.agencies.get().into_iter()
                        .filter(|a| query.is_empty() || a.name.to_ascii_lowercase().contains(&query) || a.id.as_str().contains(&query))
                        .map(|a| {
                            let code = a.id.as_str().to_owned();
                            let selected = code == chosen;
                            view! { <option value=code selected=selected>{a.name.clone()}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

// ----- Dashboard ----------------------------------------------------------

#[component]
fn Dashboard() -> impl IntoView {
    let session = expect_context::<Session>();
    let year = js_sys::Date::new_0().get_full_year() as i32;
    let period = RwSignal::new(year.to_string());
    let koordinator = session.is_koordinator();
    let agency = RwSignal::new(session.own_agency().unwrap_or_default());
    let stats = RwSignal::new(None::<Result<StatsView, Failure>>);
    let overdue = RwSignal::new(None::<Result<InboxPage, Failure>>);
    let board = RwSignal::new(None::<Result<LeaderboardView, Failure>>);
    let export = RwSignal::new(None::<Result<String, Text>>);
    Effect::new(move |_| {
        let p = period.get();
        let a = agency.get();
        let token = session.token();
        stats.set(None);
        spawn_local(async move {
            let path = if a.is_empty() {
                format!("/api/v1/stats?period={p}")
            } else {
                format!("/api/v1/agencies/{a}/stats?period={p}")
            };
            let result = http::get::<StatsView>(&path, &token).await.map_err(|f| session.check(f));
            let _ = stats.try_set(Some(result));
            let filter = InboxFilter { agency: a.clone(), overdue: true, ..InboxFilter::default() };
            let late = http::get::<InboxPage>(&format!("/api/v1/inbox?{}", filter.query(true)), &token).await;
            let _ = overdue.try_set(Some(late));
            let award = match http::get::<Vec<AwardSummary>>("/api/v1/awards", &token).await {
                Ok(list) => list.first().map(|a| a.id.clone()),
                Err(Failure::Missing) => Some("pengelola-pengaduan".to_owned()),
                Err(_) => None,
            };
            let leaderboard = match award {
                Some(id) => {
                    http::get::<LeaderboardView>(
                        &format!("/api/v1/awards/{id}/leaderboard?period={p}"),
                        &token,
                    )
                    .await
                }
                None => Err(Failure::Missing),
            };
            let _ = board.try_set(Some(leaderboard));
        });
    });
    let export_csv = move |_| {
        let token = session.token();
        let (p, a) = (period.get_untracked(), agency.get_untracked());
        export.set(None);
        spawn_local(async move {
            let path = if a.is_empty() {
                format!("/api/v1/stats.csv?period={p}")
            } else {
                format!("/api/v1/stats.csv?period={p}&agency={a}")
            };
            let result = http::download(&path, &token, &format!("statistik-{p}.csv"))
                .await
                .map_err(|f| session.check(f).message());
            let _ = export.try_set(Some(result));
        });
    };
    let own = session.own_agency();
    view! {
        <section id="dasbor" aria-labelledby="dasbor-judul">
            <h1 class="heading-l" id="dasbor-judul" tabindex="-1">"Dasbor"</h1>
            <div class="filter-row">
                <div class="form-group">
                    <label class="label" for="periode">"Periode"</label>
                    <select id="periode" class="select" on:change=move |ev| period.set(event_target_value(&ev))>
                        {dashboard::years(year).into_iter().map(|y| view! { <option value=y.to_string() selected=y == year>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                {koordinator.then(|| view! {
                    <div class="form-group">
                        <label class="label" for="dasbor-instansi">"Instansi"</label>
                        <select id="dasbor-instansi" class="select select-wide" on:change=move |ev| agency.set(event_target_value(&ev))>
                            <option value="">"Seluruh provinsi"</option>
                            {move || session.agencies.get().into_iter().map(|a| view! { <option value=a.id.as_str().to_owned()>{a.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <button type="button" id="ekspor-statistik" class="button button-secondary" on:click=export_csv>"Ekspor statistik (CSV)"</button>
            </div>
            <div role="status" class="export-status">
                {move || export.get().map(|r| match r {
                    Ok(file) => view! { <p class="body">{format!("Berkas {file} sudah diunduh")}</p> }.into_any(),
                    Err(e) => view! { <p class="error-message">{both(&e)}</p> }.into_any(),
                })}
            </div>
            {move || match stats.get() {
                None => view! { <p class="loading">"Memuat statistik…"</p> }.into_any(),
                Some(Err(f)) => view! { <div class="notice" role="alert">{both(&f.message())}</div> }.into_any(),
                Some(Ok(s)) => stats_view(&s).into_any(),
            }}
            <h2 class="heading-m">"Aduan terlambat"</h2>
            {move || match overdue.get() {
                None => view! { <p class="loading">"Memuat…"</p> }.into_any(),
                Some(Err(f)) => view! { <div class="notice" role="alert">{both(&f.message())}</div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="body">"Tidak ada aduan yang terlambat."</p> }.into_any(),
                Some(Ok(p)) => {
                    let more = p.total.saturating_sub(p.items.len() as u64);
                    view! {
                    <ul class="list" id="daftar-terlambat">
                        {p.items.into_iter().map(|i| {
                            let ticket = i.ticket.to_string();
                            view! {
                                <li>
                                    <a class="link" href=format!("#/aduan/{ticket}")>{i.title.clone()}</a>
                                    {format!(" ({ticket}) – {}", inbox::remaining(i.remaining_working_days, i.overdue))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! {
                        <p class="body">{format!("Dan {more} aduan terlambat lain di kotak masuk.")}</p>
                    })}
                }.into_any()
                }
            }}
            <section id="pratinjau-penghargaan" aria-labelledby="penghargaan-judul">
                <h2 class="heading-m" id="penghargaan-judul">"Pratinjau penghargaan"</h2>
                {move || match board.get() {
                    None => view! { <p class="loading">"Memuat…"</p> }.into_any(),
                    Some(Err(f)) => view! { <p class="body">{both(&f.message())}</p> }.into_any(),
                    Some(Ok(b)) => {
                        let rows = dashboard::award_preview(&b, if koordinator { None } else { own.as_deref() });
                        view! {
                            <table class="table">
                                <caption class="table-caption">{format!("{}: {}", b.award_name.id, if koordinator { "tiga teratas per kategori" } else { "peringkat instansi Anda" })}</caption>
                                <thead><tr>
                                    <th scope="col">"Kategori"</th><th scope="col">"Peringkat"</th>
                                    <th scope="col">"Instansi"</th><th scope="col" class="numeric">"Skor"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr><td>{r.category}</td><td>{r.rank}</td><th scope="row">{r.name}</th><td class="numeric">{r.score}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }
                }}
            </section>
        </section>
    }
}

fn stats_view(s: &StatsView) -> impl IntoView + use<> {
    let figures = dashboard::figures(s);
    let bars = dashboard::histogram_bars(&s.response_histogram);
    let answered = s.response_working_days.map_or(0, |d| d.count);
    let histogram_takeaway = dashboard::histogram_takeaway(&s.response_histogram, answered);
    let has_histogram = !s.response_histogram.is_empty();
    let buckets = s.response_histogram.clone();
    let trend = dashboard::trend(&s.monthly);
    let trend_takeaway = dashboard::trend_takeaway(&s.monthly);
    let months = s.monthly.clone();
    let viewbox = format!("0 0 {} {}", dashboard::CHART_WIDTH, dashboard::CHART_HEIGHT);
    let baseline = format!("{:.1}", dashboard::CHART_HEIGHT - 40.0);
    view! {
        <ul class="figures">
            {figures.into_iter().map(|f| view! {
                <li class="figure"><span class="figure-value">{f.value}</span><span class="figure-label">{f.label}</span></li>
            }).collect_view()}
        </ul>
        <div class="chart-block">
            <h2 class="heading-m" id="histogram-judul">"Sebaran waktu tanggapan"</h2>
            <p class="body" id="histogram-ringkasan">{histogram_takeaway}</p>
            {has_histogram.then(|| view! {
            <svg id="histogram" class="chart" viewBox=viewbox.clone() role="img" aria-labelledby="histogram-judul histogram-ringkasan">
                <line x1="0" x2=dashboard::CHART_WIDTH.to_string() y1=baseline.clone() y2=baseline.clone() class="axis"/>
                {bars.into_iter().map(|b| view! {
                    <rect class="bar" x=format!("{:.1}", b.x) y=format!("{:.1}", b.y) width=format!("{:.1}", b.width) height=format!("{:.1}", b.height)/>
                    <text class="bar-value" x=format!("{:.1}", b.x + b.width / 2.0) y=format!("{:.1}", b.y - 4.0) text-anchor="middle">{b.value}</text>
                    <text class="bar-label" x=format!("{:.1}", b.x + b.width / 2.0) y=format!("{:.1}", dashboard::CHART_HEIGHT - 20.0) text-anchor="middle">{b.label}</text>
                }).collect_view()}
            </svg>
            <table class="table">
                <caption class="table-caption">"Data sebaran waktu tanggapan (hari kerja)"</caption>
                <thead><tr><th scope="col">"Waktu tanggapan"</th><th scope="col" class="numeric">"Aduan"</th></tr></thead>
                <tbody>
                    {buckets.into_iter().map(|b| view! {
                        <tr><th scope="row">{b.label.id.clone()}</th><td class="numeric">{b.count.to_string()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            })}
        </div>
        <div class="chart-block">
            <h2 class="heading-m" id="tren-judul">"Tren bulanan"</h2>
            <p class="body" id="tren-ringkasan">{trend_takeaway}</p>
            <p class="legend">
                <span class="legend-bar" aria-hidden="true"></span>" Aduan diterima (batang) "
                <span class="legend-line" aria-hidden="true"></span>" Median waktu tanggapan, hari kerja (garis)"
            </p>
            <svg id="tren" class="chart" viewBox=viewbox role="img" aria-labelledby="tren-judul tren-ringkasan">
                <line x1="0" x2=dashboard::CHART_WIDTH.to_string() y1=baseline.clone() y2=baseline class="axis"/>
                {trend.bars.into_iter().map(|b| view! {
                    <rect class="bar bar-light" x=format!("{:.1}", b.x) y=format!("{:.1}", b.y) width=format!("{:.1}", b.width) height=format!("{:.1}", b.height)/>
                    <text class="bar-label" x=format!("{:.1}", b.x + b.width / 2.0) y=format!("{:.1}", dashboard::CHART_HEIGHT - 20.0) text-anchor="middle">{b.label}</text>
                }).collect_view()}
                <polyline class="trend-line" points=trend.line fill="none"/>
                {trend.dots.into_iter().map(|(x, y, text)| view! {
                    <circle class="trend-dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4"/>
                    <text class="dot-value" x=format!("{x:.1}") y=format!("{:.1}", y - 8.0) text-anchor="middle">{text}</text>
                }).collect_view()}
            </svg>
            <table class="table">
                <caption class="table-caption">"Data tren bulanan"</caption>
                <thead><tr>
                    <th scope="col">"Bulan"</th><th scope="col" class="numeric">"Aduan diterima"</th>
                    <th scope="col" class="numeric">"Median waktu tanggapan (hari kerja)"</th>
                </tr></thead>
                <tbody>
                    {months.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{dashboard::month_long(&m.month)}</th>
                            <td class="numeric">{m.received.to_string()}</td>
                            <td class="numeric">{m.median_working_days.map_or_else(|| aduan_core::format::NO_DATA.to_owned(), |d| aduan_core::format::decimal(d, 1, aduan_core::Lang::Id))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
