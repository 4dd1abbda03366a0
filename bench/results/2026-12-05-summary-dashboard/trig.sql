CREATE TEMP TABLE ids AS SELECT id FROM task WHERE campaign_id = 2 ORDER BY id LIMIT 2000;
\timing on
DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM ids LOOP UPDATE task SET progress = progress + 0.01 WHERE id = r.id; END LOOP; END $$;
DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM ids LOOP UPDATE task SET light = CASE WHEN light = 'RED' THEN 'GREEN' ELSE 'RED' END WHERE id = r.id; END LOOP; END $$;
DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM ids LOOP UPDATE task SET version = version + 1 WHERE id = r.id; END LOOP; END $$;
\timing off
