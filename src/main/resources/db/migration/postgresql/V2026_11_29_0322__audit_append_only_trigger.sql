-- Nothing to add on PostgreSQL: V2026_11_29_0321 installed the trigger. (Kept so both vendors share one history.)
SELECT 1;
