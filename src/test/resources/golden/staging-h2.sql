-- schema
CREATE SCHEMA IF NOT EXISTS "staging";

-- prepare
DROP TABLE IF EXISTS "staging"."marketing__crm_customers__w_22c7a5a1";

-- create the work table
CREATE TABLE "staging"."marketing__crm_customers__w_22c7a5a1" (
    "customer_id" CHARACTER VARYING(64),
    "email" CHARACTER VARYING,
    "full_name" CHARACTER VARYING(64),
    "phone" CHARACTER VARYING,
    "age" SMALLINT,
    "visits" INTEGER,
    "balance" DECFLOAT,
    "score" DOUBLE PRECISION,
    "active" BOOLEAN,
    "birth_date" DATE,
    "signed_up_at" TIMESTAMP
);

-- load: batches of 1000 rows, each committed
INSERT INTO "staging"."marketing__crm_customers__w_22c7a5a1" ("customer_id", "email", "full_name", "phone", "age", "visits", "balance", "score", "active", "birth_date", "signed_up_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- swap: H2 commits each DDL statement on its own
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

-- on failure, instead
DROP TABLE IF EXISTS "staging"."marketing__crm_customers__w_22c7a5a1";

