-- An event the broker can never accept (e.g. larger than the topic allows) is set aside with its error, so it
-- does not hold back every later event; operators find it with: select * from outbox_event where parked_at is not null.
alter table outbox_event add column parked_at timestamptz;
drop index outbox_event_unsent;
create index outbox_event_unsent on outbox_event (id) where sent_at is null and parked_at is null;
