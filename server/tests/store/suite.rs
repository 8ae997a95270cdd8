//! The cases every backend must pass, written once against the [`Store`]
//! trait (plus [`Backend`] for the raw statements a case tries behind the
//! trait's back).

use std::collections::HashSet;

use aduan_core::lifecycle::{Action, Actor, Status};
use aduan_core::visibility::Visibility;
use aduan_core::{AgencyId, ComplaintKind, Privacy, TicketNumber};
use aduan_server::store::{
    ComplaintRecord, InboxFilter, InboxPage, OfficerRecord, Store, StoreError, SubmitOutcome, sha256_hex,
};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::support::{Backend, Draft, Filed, ORIGIN, Step, append, draft, minutes};

fn agency(slug: &str) -> AgencyId {
    AgencyId::new(slug).expect("a slug")
}

/// Submits a complaint, which must be stored.
async fn submit<S: Store>(store: &S, filed: &Filed) {
    assert_eq!(store.submit(filed.submission.clone()).await.expect("submit"), SubmitOutcome::Created);
}

fn verify(filed: &mut Filed, at: DateTime<Utc>) -> Step {
    filed.step(Actor::Koordinator, Action::Verified { privacy: None }, at)
}

fn dispose(filed: &mut Filed, to: &str, at: DateTime<Utc>) -> Step {
    filed.step(Actor::Koordinator, Action::Disposed { to: agency(to) }, at)
}

fn follow_up(filed: &mut Filed, at: i64) -> Step {
    let action = Action::FollowedUp { message: "Lubang sudah ditambal oleh tim UPT Jalan.".into() };
    filed.step(Actor::Koordinator, action, minutes(at))
}

/// Submits and verifies `filed` (a minute after receipt); returns the
/// step disposing it to `to` a minute later, for the caller to adjust and
/// append.
async fn submit_disposed<S: Store>(store: &S, filed: &mut Filed, to: &str) -> Step {
    submit(store, filed).await;
    let received = filed.submission.received.at;
    let verified = verify(filed, received + TimeDelta::minutes(1));
    append(store, &filed.ticket, &verified).await;
    dispose(filed, to, received + TimeDelta::minutes(2))
}

// SUBMIT AND LOAD

/// What `load` returns for the suite's standard complaint, written out
/// independently of the store: a hidden part is `None`.
fn expected_record(filed: &Filed, v: Visibility) -> ComplaintRecord {
    ComplaintRecord {
        ticket: filed.ticket,
        secret_hash: filed.submission.secret_hash.clone(),
        read_model: filed.submission.read_model.clone(),
        requested_agency: agency("dpupr"),
        received_at: filed.submission.received.at,
        origin: Some(ORIGIN.into()),
        kind: v.summary.then_some(ComplaintKind::Pengaduan),
        title: v.summary.then(|| "Jalan rusak nomor 1".into()),
        description: v
            .content
            .then(|| "Jalan di depan puskesmas berlubang besar dan membahayakan pengendara motor.".into()),
        incident_date: v.content.then(|| NaiveDate::from_ymd_opt(2026, 3, 20).expect("a date")),
        location: v.content.then(|| "Jl. A. Yani km 5, depan masjid".into()),
        coordinates: v.content.then_some(aduan_core::complaint::Coordinates { lat: -3.3194, lon: 114.5908 }),
        reporter_name: v.identity.then(|| "Siti Aminah".into()),
        reporter_email: v.contact.then(|| "siti@example.com".into()),
        reporter_phone: v.contact.then(|| "+6281234567890".into()),
        events: filed.history(),
    }
}

/// Every one of the 16 visibilities selects exactly its columns.
pub(crate) async fn load_selects_only_what_visibility_shows<S: Backend>(store: S) {
    let filed = draft(1).file();
    submit(&store, &filed).await;
    for bits in 0..16_u8 {
        let v = Visibility {
            summary: bits & 1 != 0,
            content: bits & 2 != 0,
            identity: bits & 4 != 0,
            contact: bits & 8 != 0,
        };
        let record = store.load(&filed.ticket, v).await.expect("load").expect("stored");
        assert_eq!(record, expected_record(&filed, v), "{v:?}");
    }
}

pub(crate) async fn load_of_an_unknown_ticket_is_none<S: Backend>(store: S) {
    submit(&store, &draft(1).file()).await;
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    assert_eq!(store.load(&draft(2).file().ticket, all).await.expect("load"), None);
}

pub(crate) async fn a_known_idempotency_key_replays_the_first_ticket<S: Backend>(store: S) {
    let first = draft(1).file();
    let mut retry = draft(2).file();
    retry.submission.idempotency_key = first.submission.idempotency_key.clone();
    submit(&store, &first).await;
    assert_eq!(
        store.submit(retry.submission.clone()).await.expect("submit"),
        SubmitOutcome::Replayed(first.ticket)
    );
    assert_eq!(
        store.submit(first.submission.clone()).await.expect("submit"),
        SubmitOutcome::Replayed(first.ticket)
    );
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    assert_eq!(store.load(&retry.ticket, all).await.expect("load"), None);
    for table in ["complaints", "events", "idempotency_keys"] {
        assert_eq!(store.count(table).await, 1, "{table}");
    }
}

pub(crate) async fn a_taken_ticket_is_refused_and_stores_nothing<S: Backend>(store: S) {
    let first = draft(1).file();
    submit(&store, &first).await;
    let mut second = draft(2).file();
    second.submission.ticket = first.ticket;
    let refused = store.submit(second.submission.clone()).await;
    assert!(matches!(refused, Err(StoreError::TicketTaken)), "{refused:?}");
    for table in ["complaints", "events", "idempotency_keys"] {
        assert_eq!(store.count(table).await, 1, "{table}");
    }
    // The refused key was not kept: the retry with a new ticket is stored.
    second.submission.ticket = draft(3).file().ticket;
    assert_eq!(store.submit(second.submission).await.expect("submit"), SubmitOutcome::Created);
}

pub(crate) async fn a_hundred_concurrent_submissions_all_land<S: Backend>(store: S) {
    let tasks: Vec<_> = (1..=100)
        .map(|n| {
            let store = store.clone();
            let submission = draft(n).file().submission;
            tokio::spawn(async move { store.submit(submission).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.expect("no panic").expect("submit"), SubmitOutcome::Created);
    }
    for table in ["complaints", "events", "idempotency_keys"] {
        assert_eq!(store.count(table).await, 100, "{table}");
    }
    let histories = store.histories(None).await.expect("histories");
    let tickets: HashSet<TicketNumber> = histories.iter().map(|(t, _)| *t).collect();
    assert_eq!(tickets.len(), 100);
    let page = store.inbox(&InboxFilter { limit: 200, ..InboxFilter::default() }).await.expect("inbox");
    assert_eq!(page.total, 100);
}

pub(crate) async fn concurrent_submissions_with_one_key_store_one_complaint<S: Backend>(store: S) {
    let tasks: Vec<_> = (1..=20)
        .map(|n| {
            let store = store.clone();
            let mut submission = draft(n).file().submission;
            submission.idempotency_key = "test:one-key".into();
            tokio::spawn(async move { (submission.ticket, store.submit(submission).await) })
        })
        .collect();
    let mut created = Vec::new();
    let mut replayed = Vec::new();
    for task in tasks {
        match task.await.expect("no panic") {
            (ticket, Ok(SubmitOutcome::Created)) => created.push(ticket),
            (_, Ok(SubmitOutcome::Replayed(ticket))) => replayed.push(ticket),
            (_, Err(e)) => panic!("submit failed: {e}"),
        }
    }
    assert_eq!(created.len(), 1, "{created:?}");
    assert_eq!(replayed, vec![created[0]; 19]);
    for table in ["complaints", "events", "idempotency_keys"] {
        assert_eq!(store.count(table).await, 1, "{table}");
    }
}

// APPEND

pub(crate) async fn append_checks_the_version<S: Backend>(store: S) {
    let mut filed = draft(1).file();
    submit(&store, &filed).await;
    // Verification tightens the privacy: the read model must follow.
    let verified =
        filed.step(Actor::Koordinator, Action::Verified { privacy: Some(Privacy::Anonim) }, minutes(60));
    append(&store, &filed.ticket, &verified).await;
    let mut disposed = dispose(&mut filed, "dinkes", minutes(120));
    disposed.read_model.due_at = Some(minutes(120 + 5 * 24 * 60));
    disposed.read_model.at_risk_at = Some(minutes(120 + 4 * 24 * 60));
    append(&store, &filed.ticket, &disposed).await;

    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    let record = store.load(&filed.ticket, all).await.expect("load").expect("stored");
    assert_eq!(record.read_model, disposed.read_model);
    assert_eq!(record.read_model.privacy, Privacy::Anonim);
    assert_eq!(record.events, filed.history());

    // Acting on what was read before the disposition is a conflict.
    let stale = store.append(&filed.ticket, 1, &verified.event, &verified.read_model).await;
    assert!(matches!(stale, Err(StoreError::Conflict { expected: 1, current: 3 })), "{stale:?}");
    let record = store.load(&filed.ticket, all).await.expect("load").expect("stored");
    assert_eq!(record.events, filed.history());
    assert_eq!(record.read_model, disposed.read_model);
}

pub(crate) async fn writes_to_an_unknown_ticket_are_not_found<S: Backend>(store: S) {
    submit(&store, &draft(1).file()).await;
    let mut unknown = draft(2).file();
    let step = verify(&mut unknown, minutes(60));
    let appended = store.append(&unknown.ticket, step.expected, &step.event, &step.read_model).await;
    assert!(matches!(appended, Err(StoreError::NotFound)), "{appended:?}");
    let rebuilt = store.rebuild_read_model(&unknown.ticket, &step.read_model).await;
    assert!(matches!(rebuilt, Err(StoreError::NotFound)), "{rebuilt:?}");
    assert_eq!(store.count("events").await, 1);
}

pub(crate) async fn of_concurrent_appends_at_one_version_exactly_one_wins<S: Backend>(store: S) {
    let filed = draft(1).file();
    submit(&store, &filed).await;
    let steps: Vec<Step> = [None, Some(Privacy::Anonim), Some(Privacy::Rahasia)]
        .into_iter()
        .cycle()
        .take(10)
        .map(|privacy| filed.clone().step(Actor::Koordinator, Action::Verified { privacy }, minutes(60)))
        .collect();
    let tasks: Vec<_> = steps
        .iter()
        .cloned()
        .map(|step| {
            let store = store.clone();
            let ticket = filed.ticket;
            tokio::spawn(async move {
                let outcome = store.append(&ticket, step.expected, &step.event, &step.read_model).await;
                (step, outcome)
            })
        })
        .collect();
    let mut winners = Vec::new();
    for task in tasks {
        match task.await.expect("no panic") {
            (step, Ok(())) => winners.push(step),
            (_, Err(StoreError::Conflict { expected: 1, current: 2 })) => {}
            (_, other) => panic!("neither a win nor a conflict: {other:?}"),
        }
    }
    assert_eq!(winners.len(), 1);
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    let record = store.load(&filed.ticket, all).await.expect("load").expect("stored");
    assert_eq!(record.events, vec![filed.submission.received.clone(), winners[0].event.clone()]);
    assert_eq!(record.read_model, winners[0].read_model);
}

pub(crate) async fn rebuild_replaces_the_read_model_at_its_version<S: Backend>(store: S) {
    let mut filed = draft(1).file();
    submit(&store, &filed).await;
    let mut rebuilt = filed.submission.read_model.clone();
    rebuilt.due_at = Some(minutes(3 * 24 * 60));
    rebuilt.at_risk_at = Some(minutes(2 * 24 * 60));
    store.rebuild_read_model(&filed.ticket, &rebuilt).await.expect("rebuild");
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    assert_eq!(store.load(&filed.ticket, all).await.expect("load").expect("stored").read_model, rebuilt);

    let step = verify(&mut filed, minutes(60));

    append(&store, &filed.ticket, &step).await;
    let stale = store.rebuild_read_model(&filed.ticket, &rebuilt).await;
    assert!(matches!(stale, Err(StoreError::Conflict { expected: 1, current: 2 })), "{stale:?}");
}

pub(crate) async fn events_cannot_be_changed_or_removed<S: Backend>(store: S) {
    let mut filed = draft(1).file();
    submit(&store, &filed).await;
    let step = verify(&mut filed, minutes(60));
    append(&store, &filed.ticket, &step).await;
    for sql in ["UPDATE events SET at = at + 1", "UPDATE events SET seq = seq + 10", "DELETE FROM events"] {
        let refused = store.execute(sql).await.expect_err(sql);
        assert!(refused.to_string().contains("append-only"), "{sql}: {refused}");
    }
    // Nor can a complaint be removed from under its history.
    store.execute("DELETE FROM complaints").await.expect_err("the history keeps its complaint");
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    assert_eq!(store.load(&filed.ticket, all).await.expect("load").expect("stored").events, filed.history());
}

pub(crate) async fn undecodable_stored_data_is_corrupt<S: Backend>(store: S) {
    let filed = draft(1).file();
    submit(&store, &filed).await;
    assert_eq!(store.execute("UPDATE complaints SET status = 'hilang'").await.expect("raw update"), 1);
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    let loaded = store.load(&filed.ticket, all).await;
    assert!(matches!(loaded, Err(StoreError::Corrupt(_))), "{loaded:?}");
    let page = store.inbox(&InboxFilter { limit: 10, ..InboxFilter::default() }).await;
    assert!(matches!(page, Err(StoreError::Corrupt(_))), "{page:?}");
}

// INBOX

fn tickets(page: &InboxPage) -> Vec<TicketNumber> {
    page.rows.iter().map(|row| row.ticket).collect()
}

/// Checks that `filter` lists exactly `expected`, in this order, and counts
/// them all.
async fn check<S: Store>(store: &S, name: &str, filter: InboxFilter, expected: &[&Filed]) {
    let page = store.inbox(&InboxFilter { limit: 50, ..filter }).await.expect("inbox");
    let expected: Vec<TicketNumber> = expected.iter().map(|f| f.ticket).collect();
    assert_eq!(tickets(&page), expected, "{name}");
    assert_eq!(page.total, expected.len() as u64, "{name}: total");
}

pub(crate) async fn inbox_filters<S: Backend>(store: S) {
    let now = Some(minutes(120));
    // Received, overdue at `now` (it was at risk before).
    let mut overdue = draft(1).file();
    overdue.submission.read_model.due_at = Some(minutes(60));
    overdue.submission.read_model.at_risk_at = Some(minutes(30));
    submit(&store, &overdue).await;
    // Disposed to dinkes, at risk at `now`.
    let mut at_risk = draft(2).file();
    let mut step = submit_disposed(&store, &mut at_risk, "dinkes").await;
    step.read_model.due_at = Some(minutes(300));
    step.read_model.at_risk_at = Some(minutes(100));
    append(&store, &at_risk.ticket, &step).await;
    // Disposed to dinkes, in good time.
    let mut calm = draft(3).file();
    let mut step = submit_disposed(&store, &mut calm, "dinkes").await;
    step.read_model.due_at = Some(minutes(600));
    step.read_model.at_risk_at = Some(minutes(480));
    append(&store, &calm.ticket, &step).await;
    // An aspiration without deadlines.
    let aspirasi = Draft { kind: ComplaintKind::Aspirasi, ..draft(4) }.file();
    submit(&store, &aspirasi).await;
    // Followed up by dpupr.
    let mut followed = draft(5).file();
    let step = submit_disposed(&store, &mut followed, "dpupr").await;
    append(&store, &followed.ticket, &step).await;
    let step = follow_up(&mut followed, 30);
    append(&store, &followed.ticket, &step).await;
    // At risk with its deadline beyond the calendar (unknown).
    let mut open_ended = draft(6).file();
    open_ended.submission.read_model.at_risk_at = Some(minutes(90));
    submit(&store, &open_ended).await;

    let all = InboxFilter::default();
    check(&store, "everything", all.clone(), &[&overdue, &at_risk, &calm, &open_ended, &followed, &aspirasi])
        .await;
    check(
        &store,
        "agency",
        InboxFilter { agency: Some(agency("dinkes")), ..all.clone() },
        &[&at_risk, &calm],
    )
    .await;
    check(&store, "unknown agency", InboxFilter { agency: Some(agency("dishub")), ..all.clone() }, &[]).await;
    let received = InboxFilter { statuses: vec![Status::Diterima], ..all.clone() };
    check(&store, "one status", received, &[&overdue, &open_ended, &aspirasi]).await;
    let handled =
        InboxFilter { statuses: vec![Status::Didisposisikan, Status::Ditindaklanjuti], ..all.clone() };
    check(&store, "two statuses", handled, &[&at_risk, &calm, &followed]).await;
    let kind = InboxFilter { kind: Some(ComplaintKind::Aspirasi), ..all.clone() };
    check(&store, "kind", kind, &[&aspirasi]).await;
    check(&store, "overdue", InboxFilter { overdue: true, now, ..all.clone() }, &[&overdue]).await;
    let risky = InboxFilter { at_risk: true, now, ..all.clone() };
    check(&store, "at risk, not overdue", risky, &[&at_risk, &open_ended]).await;
    let attention = InboxFilter { overdue: true, at_risk: true, now, ..all.clone() };
    check(&store, "overdue or at risk", attention, &[&overdue, &at_risk, &open_ended]).await;
    let combined = InboxFilter { agency: Some(agency("dinkes")), at_risk: true, now, ..all.clone() };
    check(&store, "agency and at risk", combined, &[&at_risk]).await;
    check(&store, "overdue without an instant", InboxFilter { overdue: true, ..all.clone() }, &[]).await;
    // Just at the deadline is not yet overdue, and still at risk.
    let at_deadline =
        InboxFilter { at_risk: true, now: Some(minutes(300)), agency: Some(agency("dinkes")), ..all };
    check(&store, "at the deadline", at_deadline, &[&at_risk]).await;

    // Rows carry the summary and the read model.
    let aspirations = InboxFilter { kind: Some(ComplaintKind::Aspirasi), limit: 1, ..InboxFilter::default() };
    let row = store.inbox(&aspirations).await.expect("inbox").rows.remove(0);
    assert_eq!(row.kind, ComplaintKind::Aspirasi);
    assert_eq!(row.title, "Jalan rusak nomor 4");
    assert_eq!(row.received_at, aspirasi.submission.received.at);
    assert_eq!(row.read_model, aspirasi.submission.read_model);
}

pub(crate) async fn inbox_text_search_is_literal_and_ignores_case<S: Backend>(store: S) {
    let plain = "Mohon segera ditangani karena sudah berbulan-bulan dibiarkan begitu saja.";
    let titled = |n, title: &str| Draft { description: plain.into(), ..draft(n) }.titled(title).file();
    let percent = titled(1, "Diskon 50% obat di apotek palsu");
    let five_hundred = titled(2, "Diskon 500 ribu obat di apotek");
    let underscore = titled(3, "Lampu jalan_raya utama mati");
    let letter = titled(4, "Lampu jalanXraya utama mati");
    let in_description = Draft {
        description: "Antrean di RSUD Ulin sangat panjang setiap pagi, pasien menunggu berjam-jam.".into(),
        ..draft(5)
    }
    .titled("Antrean pasien terlalu panjang")
    .file();
    for filed in [&percent, &five_hundred, &underscore, &letter, &in_description] {
        submit(&store, filed).await;
    }
    let search = |text: &str| InboxFilter { text: Some(text.into()), ..InboxFilter::default() };
    check(&store, "percent sign", search("50%"), &[&percent]).await;
    check(&store, "digits", search("50"), &[&five_hundred, &percent]).await;
    check(&store, "underscore", search("jalan_raya"), &[&underscore]).await;
    check(&store, "case", search("LAMPU JALAN"), &[&letter, &underscore]).await;
    check(&store, "description", search("rsud ulin"), &[&in_description]).await;
    check(&store, "blank", search("   "), &[&in_description, &letter, &underscore, &five_hundred, &percent])
        .await;
    check(&store, "nothing", search("banjir"), &[]).await;
    // A ticket as people type it: lower case, without hyphens.
    let typed = percent.ticket.as_str().replace('-', "").to_lowercase();
    check(&store, "typed ticket", search(&typed), &[&percent]).await;
    check(&store, "part of a ticket", search(&percent.ticket.as_str()[..7].to_lowercase()), &[&percent])
        .await;
}

pub(crate) async fn inbox_orders_by_deadline_then_receipt_and_pages<S: Backend>(store: S) {
    let mut later_due_old = draft(1).file();
    later_due_old.submission.read_model.due_at = Some(minutes(500));
    let mut later_due_new = draft(2).file();
    later_due_new.submission.read_model.due_at = Some(minutes(500));
    // Two received in the same millisecond without deadlines: by ticket.
    let twin_a = Draft { received_at: minutes(3), ..draft(3) }.file();
    let twin_b = Draft { received_at: minutes(3), ..draft(4) }.file();
    let mut soonest = draft(5).file();
    soonest.submission.read_model.due_at = Some(minutes(100));
    let newest = draft(6).file();
    for filed in [&later_due_old, &later_due_new, &twin_a, &twin_b, &soonest, &newest] {
        submit(&store, filed).await;
    }
    let (first_twin, second_twin) =
        if twin_a.ticket.as_str() < twin_b.ticket.as_str() { (&twin_a, &twin_b) } else { (&twin_b, &twin_a) };
    let order = [&soonest, &later_due_new, &later_due_old, &newest, first_twin, second_twin];
    check(&store, "order", InboxFilter::default(), &order).await;

    let page = |limit, offset| InboxFilter { limit, offset, ..InboxFilter::default() };
    for (limit, offset, expected) in [
        (2, 0, &order[0..2]),
        (2, 2, &order[2..4]),
        (4, 4, &order[4..6]),
        (2, 6, &order[6..]),
        // A page holds at least one row.
        (0, 1, &order[1..2]),
    ] {
        let page = store.inbox(&page(limit, offset)).await.expect("inbox");
        let expected: Vec<TicketNumber> = expected.iter().map(|f| f.ticket).collect();
        assert_eq!(tickets(&page), expected, "limit {limit} offset {offset}");
        assert_eq!(page.total, 6, "limit {limit} offset {offset}");
    }
}

pub(crate) async fn an_inbox_page_holds_at_most_200_rows<S: Backend>(store: S) {
    let tasks: Vec<_> = (1..=201)
        .map(|n| {
            let store = store.clone();
            let submission = draft(n).file().submission;
            tokio::spawn(async move { store.submit(submission).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("no panic").expect("submit");
    }
    let page = store.inbox(&InboxFilter { limit: u32::MAX, ..InboxFilter::default() }).await.expect("inbox");
    assert_eq!((page.rows.len(), page.total), (200, 201));
}

// HISTORIES, AUTO-CLOSE, OFFICERS

pub(crate) async fn histories_group_events_by_complaint<S: Backend>(store: S) {
    let received = draft(1).file();
    submit(&store, &received).await;
    let mut at_dinkes = draft(2).file();
    let step = submit_disposed(&store, &mut at_dinkes, "dinkes").await;
    append(&store, &at_dinkes.ticket, &step).await;
    let mut at_dpupr = draft(3).file();
    let step = submit_disposed(&store, &mut at_dpupr, "dpupr").await;
    append(&store, &at_dpupr.ticket, &step).await;
    let step = follow_up(&mut at_dpupr, 30);
    append(&store, &at_dpupr.ticket, &step).await;
    // Sent back by dinkes: no longer dinkes's.
    let mut sent_back = draft(4).file();
    let step = submit_disposed(&store, &mut sent_back, "dinkes").await;
    append(&store, &sent_back.ticket, &step).await;
    let reroute = Action::Rerouted { reason: "Jalan provinsi, bukan wewenang kami.".into(), suggested: None };
    let step = sent_back.step(Actor::Penghubung { agency: agency("dinkes") }, reroute, minutes(40));
    append(&store, &sent_back.ticket, &step).await;

    let history = |f: &Filed| (f.ticket, f.history());
    let everything = [&received, &at_dinkes, &at_dpupr, &sent_back].map(history).to_vec();
    assert_eq!(store.histories(None).await.expect("histories"), everything);
    assert_eq!(store.histories(Some(&agency("dinkes"))).await.expect("histories"), vec![history(&at_dinkes)]);
    assert_eq!(store.histories(Some(&agency("dpupr"))).await.expect("histories"), vec![history(&at_dpupr)]);
    assert_eq!(store.histories(Some(&agency("dishub"))).await.expect("histories"), vec![]);
}

pub(crate) async fn due_for_auto_close_lists_followed_up_complaints_past_their_window<S: Backend>(store: S) {
    let mut first = draft(1).file();
    let mut second = draft(2).file();
    for (filed, closes) in [(&mut first, 1_000), (&mut second, 3_000)] {
        let step = submit_disposed(&store, filed, "dpupr").await;
        append(&store, &filed.ticket, &step).await;
        let mut step = follow_up(filed, 30);
        step.read_model.auto_close_at = Some(minutes(closes));
        append(&store, &filed.ticket, &step).await;
    }
    // Past its (stale) auto-close instant but no longer followed up.
    let mut disputed = draft(3).file();
    let step = submit_disposed(&store, &mut disputed, "dpupr").await;
    append(&store, &disputed.ticket, &step).await;
    let step = follow_up(&mut disputed, 30);
    append(&store, &disputed.ticket, &step).await;
    let mut step =
        disputed.step(Actor::Reporter, Action::Disputed { reason: "Belum ditambal.".into() }, minutes(40));
    step.read_model.auto_close_at = Some(minutes(500));
    append(&store, &disputed.ticket, &step).await;

    for (now, expected) in [
        (999, vec![]),
        (1_000, vec![(first.ticket, 4)]),
        (2_000, vec![(first.ticket, 4)]),
        (5_000, vec![(first.ticket, 4), (second.ticket, 4)]),
    ] {
        assert_eq!(store.due_for_auto_close(minutes(now)).await.expect("due"), expected, "at {now}");
    }
}

async fn by_token<S: Store>(store: &S, token: &str) -> Option<OfficerRecord> {
    store.officer_by_token_hash(&sha256_hex(token)).await.expect("lookup")
}

fn officer(id: &str, agency_slug: Option<&str>, token: &str) -> OfficerRecord {
    OfficerRecord {
        id: id.into(),
        name: format!("Petugas {id}"),
        agency: agency_slug.map(agency),
        token_hash: sha256_hex(token),
    }
}

pub(crate) async fn sync_officers_replaces_the_whole_set<S: Backend>(store: S) {
    let koordinator = officer("rina-diskominfo", None, "token-a");
    let penghubung = officer("siti-dinkes", Some("dinkes"), "token-b");
    store.sync_officers(&[koordinator.clone(), penghubung.clone()]).await.expect("sync");
    assert_eq!(by_token(&store, "token-a").await, Some(koordinator));
    assert_eq!(by_token(&store, "token-b").await, Some(penghubung));
    assert_eq!(by_token(&store, "token-x").await, None);

    // Siti takes over the koordinator's token; Rina leaves; Budi joins.
    let moved =
        OfficerRecord { name: "Siti Rahmah".into(), ..officer("siti-dinkes", Some("dinkes"), "token-a") };
    let joined = officer("budi-dpupr", Some("dpupr"), "token-c");
    store.sync_officers(&[moved.clone(), joined.clone()]).await.expect("sync");
    assert_eq!(by_token(&store, "token-a").await, Some(moved.clone()));
    assert_eq!(by_token(&store, "token-b").await, None);
    assert_eq!(by_token(&store, "token-c").await, Some(joined));
    assert_eq!(store.count("officers").await, 2);

    // A bad set (one token twice) changes nothing.
    let clash = [officer("x", None, "token-z"), officer("y", None, "token-z")];
    store.sync_officers(&clash).await.expect_err("duplicate token hash");
    assert_eq!(by_token(&store, "token-a").await, Some(moved));
    assert_eq!(store.count("officers").await, 2);

    store.sync_officers(&[]).await.expect("sync");
    assert_eq!(store.count("officers").await, 0);
}

pub(crate) async fn migrating_again_changes_nothing_and_ping_answers<S: Backend>(store: S) {
    let filed = draft(1).file();
    submit(&store, &filed).await;
    store.migrate().await.expect("second migration");
    store.ping().await.expect("ping");
    let all = Visibility { summary: true, content: true, identity: true, contact: true };
    assert_eq!(store.load(&filed.ticket, all).await.expect("load"), Some(expected_record(&filed, all)));
}
