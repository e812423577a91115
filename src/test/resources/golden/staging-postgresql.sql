-- schema setup: a short transaction of its own, serialised across loads
BEGIN;

-- schema
SELECT pg_advisory_xact_lock(-1650103811848959420);
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'analyst') THEN
        CREATE ROLE "analyst" NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
CREATE SCHEMA IF NOT EXISTS "staging";
GRANT USAGE ON SCHEMA "staging" TO "analyst";

-- schema ready
COMMIT;

-- one transaction from here to COMMIT
BEGIN;

-- prepare
SET LOCAL standard_conforming_strings = on;
SELECT pg_advisory_xact_lock(-2411917450638418602);
DROP TABLE IF EXISTS "staging"."marketing__crm_customers__w_22c7a5a1";

-- create the work table
CREATE TABLE "staging"."marketing__crm_customers__w_22c7a5a1" (
    "customer_id" varchar(64),
    "email" varchar,
    "full_name" varchar(64),
    "phone" varchar,
    "age" smallint,
    "visits" integer,
    "balance" numeric,
    "score" double precision,
    "active" boolean,
    "birth_date" date,
    "signed_up_at" timestamp
);
REVOKE ALL ON TABLE "staging"."marketing__crm_customers__w_22c7a5a1" FROM PUBLIC;
REVOKE ALL ON TABLE "staging"."marketing__crm_customers__w_22c7a5a1" FROM "analyst";

-- load: COPY in binary format, streamed in chunks
COPY "staging"."marketing__crm_customers__w_22c7a5a1" ("customer_id", "email", "full_name", "phone", "age", "visits", "balance", "score", "active", "birth_date", "signed_up_at") FROM STDIN (FORMAT binary);

-- swap
DROP TABLE IF EXISTS "staging"."marketing__crm_customers";
ALTER TABLE "staging"."marketing__crm_customers__w_22c7a5a1" RENAME TO "marketing__crm_customers";
COMMENT ON TABLE "staging"."marketing__crm_customers" IS 'CRM customers - purpose: Churn analysis for the ''retention'' team, 顧客の解約分析; owner: alice; source: JDBC crm public.customers';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."customer_id" IS 'Customer number in the CRM (masked: PSEUDONYMIZE)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."email" IS 'E-mail address (メールアドレス) (masked: EMAIL)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."full_name" IS 'Customer''s full name, 氏名 (masked: PSEUDONYMIZE)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."phone" IS 'Phone number (masked: SHOW_LAST_N n=4)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."age" IS 'Age in years (masked: GENERALIZE_NUMBER width=10)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."visits" IS 'Visits per year';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."balance" IS 'Account balance in EUR';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."score" IS '(masked: NULLIFY)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."birth_date" IS 'Date of birth (masked: GENERALIZE_DATE to=YEAR)';
COMMENT ON COLUMN "staging"."marketing__crm_customers"."signed_up_at" IS 'When the customer signed up (masked: GENERALIZE_DATE to=MONTH)';
GRANT SELECT ON TABLE "staging"."marketing__crm_customers" TO "analyst";

-- success
COMMIT;

-- on failure, instead: nothing of the load remains
ROLLBACK;

