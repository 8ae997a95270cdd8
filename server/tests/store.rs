//! The storage backends against one contract: every case of `suite` runs
//! on a SQLite file, on an in-memory SQLite database and on PostgreSQL (in
//! a schema of its own, dropped afterwards), each on a fresh, migrated
//! database. Then the few things only one backend has: SQLite's durability
//! settings and restarts, PostgreSQL's schemas.
//!
//! The PostgreSQL half needs the server at 127.0.0.1:5432 (database
//! `test`, user `postgres`, trust authentication). Without it those tests
//! pass with a notice on stderr, except when `CI` is set: there they fail.

#[path = "store/suite.rs"]
mod suite;
#[path = "store/support.rs"]
mod support;

/// Runs each named case of `suite` on every backend, as
/// `sqlite_file::case`, `sqlite_memory::case` and `postgres::case`.
macro_rules! on_every_backend {
    ($($case:ident,)*) => {
        mod sqlite_file {
            use aduan_server::store::sqlite::SqliteStore;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    crate::support::on_sqlite_file(crate::suite::$case::<SqliteStore>).await;
                }
            )*
        }

        mod sqlite_memory {
            use aduan_server::store::sqlite::SqliteStore;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    crate::support::on_sqlite_memory(crate::suite::$case::<SqliteStore>).await;
                }
            )*
        }

        mod postgres {
            use aduan_server::store::postgres::PgStore;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    crate::support::on_postgres(crate::suite::$case::<PgStore>).await;
                }
            )*
        }
    };
}

on_every_backend! {
    load_selects_only_what_visibility_shows,
    load_of_an_unknown_ticket_is_none,
    a_known_idempotency_key_replays_the_first_ticket,
    a_taken_ticket_is_refused_and_stores_nothing,
    a_hundred_concurrent_submissions_all_land,
    concurrent_submissions_with_one_key_store_one_complaint,
    append_checks_the_version,
    writes_to_an_unknown_ticket_are_not_found,
    of_concurrent_appends_at_one_version_exactly_one_wins,
    rebuild_replaces_the_read_model_at_its_version,
    events_cannot_be_changed_or_removed,
    undecodable_stored_data_is_corrupt,
    inbox_filters,
    inbox_text_search_is_literal_and_ignores_case,
    inbox_orders_by_deadline_then_receipt_and_pages,
    an_inbox_page_holds_at_most_200_rows,
    histories_group_events_by_complaint,
    due_for_auto_close_lists_followed_up_complaints_past_their_window,
    sync_officers_replaces_the_whole_set,
    migrating_again_changes_nothing_and_ping_answers,
}

/// What only SQLite has: a file that must survive restarts, and pragmas
/// that make a commit durable.
mod sqlite_only {
    use aduan_core::lifecycle::{Action, Actor};
    use aduan_core::visibility::Visibility;
    use aduan_server::store::sqlite::SqliteStore;
    use aduan_server::store::{Store, SubmitOutcome};

    use crate::support::{self, draft, minutes};

    #[tokio::test]
    async fn a_restart_loses_nothing() {
        let file = support::TempDb::new();
        let url = file.url();
        let mut filed = draft(1).file();
        let verified = filed.step(Actor::Koordinator, Action::Verified { privacy: None }, minutes(60));
        let all = Visibility { summary: true, content: true, identity: true, contact: true };
        let before = {
            let store = SqliteStore::connect(&url).await.expect("opens");
            store.migrate().await.expect("migrates");
            assert_eq!(store.submit(filed.submission.clone()).await.expect("submit"), SubmitOutcome::Created);
            support::append(&store, &filed.ticket, &verified).await;
            store.load(&filed.ticket, all).await.expect("load").expect("stored")
            // The store is dropped here without closing it, as in a crash.
        };
        let store = SqliteStore::connect(&url).await.expect("reopens");
        store.migrate().await.expect("migrating an up-to-date database");
        let after = store.load(&filed.ticket, all).await.expect("load");
        assert_eq!(after.as_ref(), Some(&before));
        assert_eq!(after.expect("stored").events, filed.history());
        // The idempotency key outlives the restart too.
        let retry = draft(2).file().submission;
        let retry =
            aduan_server::store::Submission { idempotency_key: filed.submission.idempotency_key, ..retry };
        assert_eq!(store.submit(retry).await.expect("submit"), SubmitOutcome::Replayed(filed.ticket));
        store.pool().close().await;
    }

    #[tokio::test]
    async fn a_file_commits_durably() {
        let file = support::TempDb::new();
        let store = SqliteStore::connect(&file.url()).await.expect("opens");
        assert!(file.path.exists(), "created on first run");
        // Pragmas are per connection: ask one of the pool's.
        let pragma = |name: &'static str, column: &'static str| {
            let pool = store.pool().clone();
            async move {
                let value: String =
                    sqlx::query_scalar(&format!("SELECT CAST({column} AS TEXT) FROM pragma_{name}"))
                        .fetch_one(&pool)
                        .await
                        .expect(name);
                value
            }
        };
        assert_eq!(pragma("journal_mode", "journal_mode").await, "wal");
        // 2 is FULL: the WAL is synced at every commit.
        assert_eq!(pragma("synchronous", "synchronous").await, "2");
        assert_eq!(pragma("foreign_keys", "foreign_keys").await, "1");
        assert_eq!(pragma("busy_timeout", "timeout").await, "10000");
        store.pool().close().await;
    }

    #[tokio::test]
    async fn each_in_memory_database_is_its_own() {
        let one = SqliteStore::connect("sqlite::memory:").await.expect("opens");
        let other = SqliteStore::connect("sqlite::memory:").await.expect("opens");
        for store in [&one, &other] {
            store.migrate().await.expect("migrates");
        }
        let filed = draft(1).file();
        assert_eq!(one.submit(filed.submission.clone()).await.expect("submit"), SubmitOutcome::Created);
        let all = Visibility { summary: true, content: true, identity: true, contact: true };
        assert!(one.load(&filed.ticket, all).await.expect("load").is_some());
        assert!(other.load(&filed.ticket, all).await.expect("load").is_none());
    }
}

/// What only PostgreSQL has: schemas that keep test runs apart, and
/// `TRUNCATE`.
mod postgres_only {
    use aduan_core::visibility::Visibility;
    use aduan_server::store::{Store, SubmitOutcome};

    use crate::support::{self, Backend, draft};

    #[tokio::test]
    async fn schemas_keep_stores_apart() {
        if !support::postgres_available().await {
            return;
        }
        let (one, one_schema) = support::postgres_schema().await;
        let (other, other_schema) = support::postgres_schema().await;
        for store in [&one, &other] {
            store.migrate().await.expect("migrates");
        }
        let filed = draft(1).file();
        assert_eq!(one.submit(filed.submission.clone()).await.expect("submit"), SubmitOutcome::Created);
        let all = Visibility { summary: true, content: true, identity: true, contact: true };
        let seen_by_one = one.load(&filed.ticket, all).await.expect("load").is_some();
        let seen_by_other = other.load(&filed.ticket, all).await.expect("load").is_some();
        // The migrations' bookkeeping lives in the schema too.
        let bookkeeping: Vec<String> = sqlx::query_scalar(
            "SELECT table_schema::text FROM information_schema.tables WHERE table_name = '_sqlx_migrations' \
             AND table_schema IN ($1, $2) ORDER BY 1",
        )
        .bind(&one_schema)
        .bind(&other_schema)
        .fetch_all(one.pool())
        .await
        .expect("catalogue");
        let truncate = one.execute("TRUNCATE events CASCADE").await;
        support::drop_schema(&one, &one_schema).await;
        support::drop_schema(&other, &other_schema).await;
        assert!(seen_by_one && !seen_by_other);
        let mut expected = vec![one_schema, other_schema];
        expected.sort();
        assert_eq!(bookkeeping, expected);
        let refused = truncate.expect_err("events cannot be truncated");
        assert!(refused.to_string().contains("append-only"), "{refused}");
    }
}
