-- The database of EMS 1.0.0 (tag v1.0.0) with data in it, for UpgradeIT: the schemas as that release's migrations
-- made them (their Flyway history included) and what its API, its simulator and its chat socket stored. Made by
-- running v1.0.0 (./ems run, embedded PostgreSQL 14) and then
--   pg_dump --inserts --no-owner --no-privileges --no-comments -n users -n devices -n monitoring -n chat
-- (psql's \restrict lines removed: the test runs this over JDBC). Users: admin / fixture-admin-1 and the client
-- ana / fixture-ana-1; her devices Kitchen meter, Garage meter (with its own meter credential) and Boiler meter,
-- with readings of 2026-11-30 08:00-10:10Z, two alerts of the Boiler meter (one acknowledged), and a conversation.
--
-- PostgreSQL database dump
--


-- Dumped from database version 14.22
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: chat; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA chat;


--
-- Name: devices; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA devices;


--
-- Name: monitoring; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA monitoring;


--
-- Name: users; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA users;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: conversation; Type: TABLE; Schema: chat; Owner: -
--

CREATE TABLE chat.conversation (
    id uuid NOT NULL,
    last_message_at timestamp with time zone,
    client_read_up_to uuid,
    client_read_seq bigint DEFAULT 0 NOT NULL,
    admins_read_up_to uuid,
    admins_read_seq bigint DEFAULT 0 NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: chat; Owner: -
--

CREATE TABLE chat.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: message; Type: TABLE; Schema: chat; Owner: -
--

CREATE TABLE chat.message (
    id uuid NOT NULL,
    seq bigint NOT NULL,
    conversation_id uuid NOT NULL,
    sender_id uuid NOT NULL,
    sender_username character varying(64) NOT NULL,
    sender_role character varying(16) NOT NULL,
    client_msg_id uuid NOT NULL,
    text text NOT NULL,
    alert text,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT message_sender_role_check CHECK (((sender_role)::text = ANY ((ARRAY['ADMIN'::character varying, 'CLIENT'::character varying])::text[])))
);


--
-- Name: message_seq_seq; Type: SEQUENCE; Schema: chat; Owner: -
--

CREATE SEQUENCE chat.message_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: message_seq_seq; Type: SEQUENCE OWNED BY; Schema: chat; Owner: -
--

ALTER SEQUENCE chat.message_seq_seq OWNED BY chat.message.seq;


--
-- Name: presence; Type: TABLE; Schema: chat; Owner: -
--

CREATE TABLE chat.presence (
    connection_id uuid NOT NULL,
    user_id uuid NOT NULL,
    username character varying(64) NOT NULL,
    seen_at timestamp with time zone NOT NULL
);


--
-- Name: device; Type: TABLE; Schema: devices; Owner: -
--

CREATE TABLE devices.device (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(1000) DEFAULT ''::character varying NOT NULL,
    address character varying(500) DEFAULT ''::character varying NOT NULL,
    max_hourly_kwh numeric(12,3) NOT NULL,
    owner_id uuid,
    time_zone character varying(64) NOT NULL,
    version bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT device_max_hourly_kwh_check CHECK ((max_hourly_kwh > (0)::numeric))
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: devices; Owner: -
--

CREATE TABLE devices.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: meter_credential; Type: TABLE; Schema: devices; Owner: -
--

CREATE TABLE devices.meter_credential (
    device_id uuid NOT NULL,
    password_hash character varying(200) NOT NULL,
    issued_at timestamp with time zone NOT NULL
);


--
-- Name: alert; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.alert (
    id uuid NOT NULL,
    device_id uuid NOT NULL,
    hour_start timestamp with time zone NOT NULL,
    hour_offset_seconds integer NOT NULL,
    kwh numeric(20,6) NOT NULL,
    limit_kwh numeric(12,3) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    withdrawn_reason character varying(300)
);


--
-- Name: device; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.device (
    id uuid NOT NULL,
    version bigint NOT NULL,
    name text NOT NULL,
    owner_id uuid,
    max_hourly_kwh numeric(12,3) NOT NULL,
    time_zone text NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    CONSTRAINT device_max_hourly_kwh_check CHECK ((max_hourly_kwh > (0)::numeric))
);


--
-- Name: device_limit; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.device_limit (
    device_id uuid NOT NULL,
    effective_from timestamp with time zone NOT NULL,
    max_hourly_kwh numeric(12,3) NOT NULL,
    CONSTRAINT device_limit_max_hourly_kwh_check CHECK ((max_hourly_kwh > (0)::numeric))
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: meter_reading; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.meter_reading (
    device_id uuid NOT NULL,
    reading_time timestamp with time zone NOT NULL,
    kwh numeric(20,6) NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT meter_reading_kwh_check CHECK ((kwh >= (0)::numeric))
);


--
-- Name: quarter_total; Type: TABLE; Schema: monitoring; Owner: -
--

CREATE TABLE monitoring.quarter_total (
    device_id uuid NOT NULL,
    quarter_start timestamp with time zone NOT NULL,
    kwh numeric(38,18) NOT NULL,
    readings integer NOT NULL,
    resets integer NOT NULL,
    estimates integer NOT NULL,
    CONSTRAINT quarter_total_estimates_check CHECK ((estimates >= 0)),
    CONSTRAINT quarter_total_kwh_check CHECK ((kwh >= (0)::numeric)),
    CONSTRAINT quarter_total_readings_check CHECK ((readings >= 0)),
    CONSTRAINT quarter_total_resets_check CHECK ((resets >= 0))
);


--
-- Name: app_user; Type: TABLE; Schema: users; Owner: -
--

CREATE TABLE users.app_user (
    id uuid NOT NULL,
    username character varying(64) NOT NULL,
    password_hash character varying(512) NOT NULL,
    name character varying(200) NOT NULL,
    role character varying(16) NOT NULL,
    time_zone character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    language character varying(8),
    CONSTRAINT app_user_language_check CHECK (((language)::text = ANY ((ARRAY['en'::character varying, 'ro'::character varying])::text[]))),
    CONSTRAINT app_user_role_check CHECK (((role)::text = ANY ((ARRAY['ADMIN'::character varying, 'CLIENT'::character varying])::text[])))
);


--
-- Name: audit_entry; Type: TABLE; Schema: users; Owner: -
--

CREATE TABLE users.audit_entry (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor character varying(64) NOT NULL,
    action character varying(32) NOT NULL,
    target_type character varying(16) NOT NULL,
    target_id uuid NOT NULL,
    before jsonb,
    after jsonb
);


--
-- Name: audit_entry_id_seq; Type: SEQUENCE; Schema: users; Owner: -
--

CREATE SEQUENCE users.audit_entry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_entry_id_seq; Type: SEQUENCE OWNED BY; Schema: users; Owner: -
--

ALTER SEQUENCE users.audit_entry_id_seq OWNED BY users.audit_entry.id;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: users; Owner: -
--

CREATE TABLE users.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: login_session; Type: TABLE; Schema: users; Owner: -
--

CREATE TABLE users.login_session (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT login_session_kind_check CHECK (((kind)::text = ANY ((ARRAY['TOKEN'::character varying, 'PAGE'::character varying])::text[])))
);


--
-- Name: message seq; Type: DEFAULT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.message ALTER COLUMN seq SET DEFAULT nextval('chat.message_seq_seq'::regclass);


--
-- Name: audit_entry id; Type: DEFAULT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.audit_entry ALTER COLUMN id SET DEFAULT nextval('users.audit_entry_id_seq'::regclass);


--
-- Data for Name: conversation; Type: TABLE DATA; Schema: chat; Owner: -
--

INSERT INTO chat.conversation VALUES ('b1ee1dd2-13e6-486c-b08b-279bd01946dc', '2026-12-03 07:16:39.377865+00', 'fecc843d-0247-4191-81e7-b687857843c9', 1, '8a65b113-6302-4fcc-a5f9-107d80ee7c71', 2);


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: chat; Owner: -
--

INSERT INTO chat.flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"chat"', NULL, 'ems', '2026-12-03 07:14:30.811297', 0, true);
INSERT INTO chat.flyway_schema_history VALUES (1, '1', 'chat', 'SQL', 'V1__chat.sql', 501377183, 'ems', '2026-12-03 07:14:30.82686', 15, true);


--
-- Data for Name: message; Type: TABLE DATA; Schema: chat; Owner: -
--

INSERT INTO chat.message VALUES ('fecc843d-0247-4191-81e7-b687857843c9', 1, 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'ana', 'CLIENT', 'b1904813-98cf-4ed9-be55-5196e2455174', 'Hello, my boiler meter shows an alert at 10:00', NULL, '2026-12-03 07:16:34.966947+00');
INSERT INTO chat.message VALUES ('8a65b113-6302-4fcc-a5f9-107d80ee7c71', 2, 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'admin', 'ADMIN', '598e052a-f2f5-4ea4-9b90-352b589bbd3d', 'We are looking at it, Ana.', NULL, '2026-12-03 07:16:39.377865+00');


--
-- Data for Name: presence; Type: TABLE DATA; Schema: chat; Owner: -
--



--
-- Data for Name: device; Type: TABLE DATA; Schema: devices; Owner: -
--

INSERT INTO devices.device VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', 'Garage meter', '', '', 5.000, 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'Europe/Bucharest', 1, '2026-12-03 07:14:55.768247+00', '2026-12-03 07:14:55.768275+00');
INSERT INTO devices.device VALUES ('4e28235a-166e-4acc-93ea-08a843934155', 'Kitchen meter', 'ground floor', 'Str. Lunga 1, Cluj', 0.300, 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'Europe/Bucharest', 2, '2026-12-03 07:14:55.510468+00', '2026-12-03 07:16:01.706041+00');
INSERT INTO devices.device VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', 'Boiler meter', '', '', 0.100, 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'Europe/Bucharest', 1, '2026-12-03 07:16:08.41324+00', '2026-12-03 07:16:08.413258+00');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: devices; Owner: -
--

INSERT INTO devices.flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"devices"', NULL, 'ems', '2026-12-03 07:14:30.573036', 0, true);
INSERT INTO devices.flyway_schema_history VALUES (1, '1', 'devices', 'SQL', 'V1__devices.sql', 1805261795, 'ems', '2026-12-03 07:14:30.598313', 15, true);
INSERT INTO devices.flyway_schema_history VALUES (2, '2', 'meter credentials', 'SQL', 'V2__meter_credentials.sql', -1435946840, 'ems', '2026-12-03 07:14:30.626629', 7, true);


--
-- Data for Name: meter_credential; Type: TABLE DATA; Schema: devices; Owner: -
--

INSERT INTO devices.meter_credential VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', 'pbkdf2-sha256:100000:h+zct5A5leviBEo7qthbWw==:uCKb9LY/ItpFsVXoRPU2yk3V/db58Vp6QejjZaS8W8I=', '2026-12-03 07:14:55.973527+00');


--
-- Data for Name: alert; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.alert VALUES ('7e0ad971-3e7a-4e02-939f-832e42e9ec48', '68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:00:00+00', 7200, 0.105000, 0.100, '2026-12-03 07:16:10.16843+00', NULL, NULL, NULL);
INSERT INTO monitoring.alert VALUES ('82973063-a9bd-4ffa-8c13-45507b1424ae', '68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:00:00+00', 7200, 0.117000, 0.100, '2026-12-03 07:16:09.473283+00', '2026-12-03 07:16:34.445788+00', NULL, NULL);


--
-- Data for Name: device; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.device VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', 1, 'Garage meter', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 5.000, 'Europe/Bucharest', false);
INSERT INTO monitoring.device VALUES ('4e28235a-166e-4acc-93ea-08a843934155', 2, 'Kitchen meter', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 0.300, 'Europe/Bucharest', false);
INSERT INTO monitoring.device VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', 1, 'Boiler meter', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 0.100, 'Europe/Bucharest', false);


--
-- Data for Name: device_limit; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.device_limit VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '1970-01-01 00:00:00+00', 0.400);
INSERT INTO monitoring.device_limit VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '1970-01-01 00:00:00+00', 5.000);
INSERT INTO monitoring.device_limit VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-12-03 07:16:01.706077+00', 0.300);
INSERT INTO monitoring.device_limit VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '1970-01-01 00:00:00+00', 0.100);


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"monitoring"', NULL, 'ems', '2026-12-03 07:14:30.703917', 0, true);
INSERT INTO monitoring.flyway_schema_history VALUES (1, '1', 'meter readings', 'SQL', 'V1__meter_readings.sql', -1031969303, 'ems', '2026-12-03 07:14:30.72631', 5, true);
INSERT INTO monitoring.flyway_schema_history VALUES (2, '2', 'quarter totals devices alerts', 'SQL', 'V2__quarter_totals_devices_alerts.sql', 1531663052, 'ems', '2026-12-03 07:14:30.741433', 10, true);
INSERT INTO monitoring.flyway_schema_history VALUES (3, '3', 'device limit history', 'SQL', 'V3__device_limit_history.sql', -687253887, 'ems', '2026-12-03 07:14:30.758631', 3, true);
INSERT INTO monitoring.flyway_schema_history VALUES (4, '4', 'alerts follow the device', 'SQL', 'V4__alerts_follow_the_device.sql', 804020221, 'ems', '2026-12-03 07:14:30.767281', 3, true);
INSERT INTO monitoring.flyway_schema_history VALUES (5, '5', 'withdrawn alerts', 'SQL', 'V5__withdrawn_alerts.sql', -1150410782, 'ems', '2026-12-03 07:14:30.774858', 1, true);


--
-- Data for Name: meter_reading; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:00:00+00', 45933.000000, '2026-12-03 07:14:59.501304+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:10:00+00', 45933.057000, '2026-12-03 07:14:59.541043+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:20:00+00', 45933.127000, '2026-12-03 07:14:59.62921+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:30:00+00', 45933.195000, '2026-12-03 07:14:59.671598+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:40:00+00', 45933.252000, '2026-12-03 07:14:59.71384+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:50:00+00', 45933.311000, '2026-12-03 07:14:59.736006+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:00:00+00', 45933.362000, '2026-12-03 07:14:59.819633+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:10:00+00', 45933.418000, '2026-12-03 07:14:59.915289+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:20:00+00', 45933.459000, '2026-12-03 07:15:00.019869+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:30:00+00', 45933.504000, '2026-12-03 07:15:00.117823+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:40:00+00', 45933.554000, '2026-12-03 07:15:00.222419+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:50:00+00', 45933.587000, '2026-12-03 07:15:00.319221+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:00:00+00', 45933.668000, '2026-12-03 07:15:00.423046+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:10:00+00', 45933.723000, '2026-12-03 07:15:00.521181+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:20:00+00', 45933.783000, '2026-12-03 07:15:00.618471+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:30:00+00', 45933.844000, '2026-12-03 07:15:00.7218+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:40:00+00', 45933.914000, '2026-12-03 07:15:00.822107+00');
INSERT INTO monitoring.meter_reading VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:50:00+00', 45933.966000, '2026-12-03 07:15:00.930154+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:00:00+00', 5928.000000, '2026-12-03 07:15:35.53844+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:10:00+00', 5928.056000, '2026-12-03 07:15:35.564712+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:20:00+00', 5928.124000, '2026-12-03 07:15:35.603461+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:30:00+00', 5928.191000, '2026-12-03 07:15:35.642608+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:40:00+00', 5928.247000, '2026-12-03 07:15:35.670401+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:50:00+00', 5928.305000, '2026-12-03 07:15:35.678961+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:00:00+00', 5928.354000, '2026-12-03 07:15:35.68518+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:10:00+00', 5928.409000, '2026-12-03 07:15:35.691256+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:20:00+00', 5928.450000, '2026-12-03 07:15:35.697867+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:30:00+00', 5928.494000, '2026-12-03 07:15:35.705094+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:40:00+00', 5928.543000, '2026-12-03 07:15:35.728309+00');
INSERT INTO monitoring.meter_reading VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:50:00+00', 5928.576000, '2026-12-03 07:15:35.826775+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:00:00+00', 38052.000000, '2026-12-03 07:16:09.300028+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:10:00+00', 38052.027000, '2026-12-03 07:16:09.313343+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:20:00+00', 38052.059000, '2026-12-03 07:16:09.331825+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:30:00+00', 38052.091000, '2026-12-03 07:16:09.366188+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:40:00+00', 38052.117000, '2026-12-03 07:16:09.465428+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:50:00+00', 38052.145000, '2026-12-03 07:16:09.568779+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:00:00+00', 38052.168000, '2026-12-03 07:16:09.662679+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:10:00+00', 38052.194000, '2026-12-03 07:16:09.761587+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:20:00+00', 38052.214000, '2026-12-03 07:16:09.865483+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:30:00+00', 38052.235000, '2026-12-03 07:16:09.963878+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:40:00+00', 38052.258000, '2026-12-03 07:16:10.066243+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:50:00+00', 38052.273000, '2026-12-03 07:16:10.162667+00');
INSERT INTO monitoring.meter_reading VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 10:00:00+00', 38052.311000, '2026-12-03 07:16:10.265356+00');


--
-- Data for Name: quarter_total; Type: TABLE DATA; Schema: monitoring; Owner: -
--

INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:00:00+00', 0.092000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:15:00+00', 0.103000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:30:00+00', 0.086500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 08:45:00+00', 0.080500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:00:00+00', 0.076500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:15:00+00', 0.065500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:30:00+00', 0.066500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 09:45:00+00', 0.097500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:00:00+00', 0.085000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:15:00+00', 0.091000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:30:00+00', 0.096000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('4e28235a-166e-4acc-93ea-08a843934155', '2026-11-30 10:45:00+00', 0.026000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:00:00+00', 0.090000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:15:00+00', 0.101000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:30:00+00', 0.085000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 08:45:00+00', 0.078000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:00:00+00', 0.075500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:15:00+00', 0.064500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:30:00+00', 0.065500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('9c7e39a7-fe18-473a-b084-72d238a00d55', '2026-11-30 09:45:00+00', 0.016500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:00:00+00', 0.043000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:15:00+00', 0.048000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:30:00+00', 0.040000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 08:45:00+00', 0.037000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:00:00+00', 0.036000000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:15:00+00', 0.031000000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:30:00+00', 0.030500000000000000, 2, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 09:45:00+00', 0.045500000000000000, 1, 0, 0);
INSERT INTO monitoring.quarter_total VALUES ('68875239-03cd-4288-9822-90d4d929ecb0', '2026-11-30 10:00:00+00', 0.000000000000000000, 1, 0, 0);


--
-- Data for Name: app_user; Type: TABLE DATA; Schema: users; Owner: -
--

INSERT INTO users.app_user VALUES ('1f0f3907-61c6-4455-b382-d080b6149bc2', 'admin', 'PBKDF2WithHmacSHA512:210000:shsp1fcdwaImqh/k+DfSedPzsOrj9CLoqUfDJv/3qwQ=:Ih5zw+TiU8GuKaHr7ovfT5JpxjUTNJ/3wueNWZGy6QeFIpeFGxu3s4ij4OdB5O3fToUGbb5IEA/08wIq/BrtgA==', 'Administrator', 'ADMIN', 'UTC', '2026-12-03 07:14:45.481411+00', '2026-12-03 07:14:45.481411+00', 1, NULL);
INSERT INTO users.app_user VALUES ('b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'ana', 'PBKDF2WithHmacSHA512:210000:scFyoAFLQQ0dV+yBO5da4i3zcIrclN23UiM+q4wUt1Q=:ZWmiIDi9BURrmXn57OXeLcSwFM6KlOP55vJvbcapq/keGS9SFASDPdxqv2EeJkZKB+ZLn+FEg1BuLv4cmImhWQ==', 'Ana Pop', 'CLIENT', 'Europe/Bucharest', '2026-12-03 07:14:55.411009+00', '2026-12-03 07:14:55.411009+00', 1, NULL);


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: users; Owner: -
--

INSERT INTO users.audit_entry VALUES (1, '2026-12-03 07:14:55.425518+00', 'admin', 'CREATED', 'USER', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', NULL, '{"id": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "name": "Ana Pop", "role": "CLIENT", "timeZone": "Europe/Bucharest", "username": "ana"}');
INSERT INTO users.audit_entry VALUES (2, '2026-12-03 07:14:55.659659+00', 'admin', 'CREATED', 'DEVICE', '4e28235a-166e-4acc-93ea-08a843934155', NULL, '{"id": "4e28235a-166e-4acc-93ea-08a843934155", "name": "Kitchen meter", "address": "Str. Lunga 1, Cluj", "ownerId": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "timeZone": "Europe/Bucharest", "description": "ground floor", "maxHourlyKwh": 0.4}');
INSERT INTO users.audit_entry VALUES (3, '2026-12-03 07:14:55.780891+00', 'admin', 'CREATED', 'DEVICE', '9c7e39a7-fe18-473a-b084-72d238a00d55', NULL, '{"id": "9c7e39a7-fe18-473a-b084-72d238a00d55", "name": "Garage meter", "address": "", "ownerId": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "timeZone": "Europe/Bucharest", "description": "", "maxHourlyKwh": 5}');
INSERT INTO users.audit_entry VALUES (4, '2026-12-03 07:14:55.977983+00', 'admin', 'CREDENTIAL_ISSUED', 'DEVICE', '9c7e39a7-fe18-473a-b084-72d238a00d55', NULL, '{"credentialIssuedAt": "2026-12-03T07:14:55.973527317Z"}');
INSERT INTO users.audit_entry VALUES (5, '2026-12-03 07:16:01.710933+00', 'admin', 'UPDATED', 'DEVICE', '4e28235a-166e-4acc-93ea-08a843934155', '{"id": "4e28235a-166e-4acc-93ea-08a843934155", "name": "Kitchen meter", "address": "Str. Lunga 1, Cluj", "ownerId": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "timeZone": "Europe/Bucharest", "description": "ground floor", "maxHourlyKwh": 0.4}', '{"id": "4e28235a-166e-4acc-93ea-08a843934155", "name": "Kitchen meter", "address": "Str. Lunga 1, Cluj", "ownerId": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "timeZone": "Europe/Bucharest", "description": "ground floor", "maxHourlyKwh": 0.3}');
INSERT INTO users.audit_entry VALUES (6, '2026-12-03 07:16:08.417149+00', 'admin', 'CREATED', 'DEVICE', '68875239-03cd-4288-9822-90d4d929ecb0', NULL, '{"id": "68875239-03cd-4288-9822-90d4d929ecb0", "name": "Boiler meter", "address": "", "ownerId": "b1ee1dd2-13e6-486c-b08b-279bd01946dc", "timeZone": "Europe/Bucharest", "description": "", "maxHourlyKwh": 0.1}');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: users; Owner: -
--

INSERT INTO users.flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"users"', NULL, 'ems', '2026-12-03 07:14:30.374014', 0, true);
INSERT INTO users.flyway_schema_history VALUES (1, '1', 'users', 'SQL', 'V1__users.sql', -728554191, 'ems', '2026-12-03 07:14:30.403837', 17, true);
INSERT INTO users.flyway_schema_history VALUES (2, '2', 'audit', 'SQL', 'V2__audit.sql', -822458875, 'ems', '2026-12-03 07:14:30.442405', 14, true);
INSERT INTO users.flyway_schema_history VALUES (3, '3', 'login sessions', 'SQL', 'V3__login_sessions.sql', -1971421929, 'ems', '2026-12-03 07:14:30.467972', 12, true);
INSERT INTO users.flyway_schema_history VALUES (4, '4', 'user language', 'SQL', 'V4__user_language.sql', -30218592, 'ems', '2026-12-03 07:14:30.494024', 3, true);


--
-- Data for Name: login_session; Type: TABLE DATA; Schema: users; Owner: -
--

INSERT INTO users.login_session VALUES ('b290dba1-024d-4f9f-91ae-f789d3fd913b', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:14:54.84265+00', '2026-12-03 07:29:54.84265+00', NULL);
INSERT INTO users.login_session VALUES ('18061201-29b4-49cb-bd65-c9d2fa6556a3', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:15:51.243926+00', '2026-12-03 07:30:51.243926+00', NULL);
INSERT INTO users.login_session VALUES ('cfdea1e1-4621-43eb-8540-794faac85456', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:15:56.222101+00', '2026-12-03 07:30:56.222101+00', NULL);
INSERT INTO users.login_session VALUES ('fbb223dd-413a-4900-8173-e94245ce6763', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:15:58.327042+00', '2026-12-03 07:30:58.327042+00', NULL);
INSERT INTO users.login_session VALUES ('5d8f88ab-2803-40ea-8a81-4339847720af', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:16:01.673446+00', '2026-12-03 07:31:01.673446+00', NULL);
INSERT INTO users.login_session VALUES ('e283dd26-287c-4158-82e4-7d7c7b794d96', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:16:08.375898+00', '2026-12-03 07:31:08.375898+00', NULL);
INSERT INTO users.login_session VALUES ('57b84230-cd60-48c7-b2b4-72dd762e191e', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:16:34.402693+00', '2026-12-03 07:31:34.402693+00', NULL);
INSERT INTO users.login_session VALUES ('8d7d099c-1d75-4e2f-8140-34a2eea4858b', 'b1ee1dd2-13e6-486c-b08b-279bd01946dc', 'TOKEN', '2026-12-03 07:16:34.721768+00', '2026-12-03 07:31:34.721768+00', NULL);
INSERT INTO users.login_session VALUES ('f32b7c89-484e-42c4-a4b9-92cd9bf342e8', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:16:36.88635+00', '2026-12-03 07:31:36.88635+00', NULL);
INSERT INTO users.login_session VALUES ('b2dfb5af-caeb-4e3f-8694-821086c7db5b', '1f0f3907-61c6-4455-b382-d080b6149bc2', 'TOKEN', '2026-12-03 07:16:39.17989+00', '2026-12-03 07:31:39.17989+00', '2026-12-03 07:16:39.507465+00');


--
-- Name: message_seq_seq; Type: SEQUENCE SET; Schema: chat; Owner: -
--

SELECT pg_catalog.setval('chat.message_seq_seq', 2, true);


--
-- Name: audit_entry_id_seq; Type: SEQUENCE SET; Schema: users; Owner: -
--

SELECT pg_catalog.setval('users.audit_entry_id_seq', 6, true);


--
-- Name: conversation conversation_pkey; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.conversation
    ADD CONSTRAINT conversation_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: message message_pkey; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.message
    ADD CONSTRAINT message_pkey PRIMARY KEY (id);


--
-- Name: message message_sender_id_client_msg_id_key; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.message
    ADD CONSTRAINT message_sender_id_client_msg_id_key UNIQUE (sender_id, client_msg_id);


--
-- Name: message message_seq_key; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.message
    ADD CONSTRAINT message_seq_key UNIQUE (seq);


--
-- Name: presence presence_pkey; Type: CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.presence
    ADD CONSTRAINT presence_pkey PRIMARY KEY (connection_id);


--
-- Name: device device_pkey; Type: CONSTRAINT; Schema: devices; Owner: -
--

ALTER TABLE ONLY devices.device
    ADD CONSTRAINT device_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: devices; Owner: -
--

ALTER TABLE ONLY devices.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: meter_credential meter_credential_pkey; Type: CONSTRAINT; Schema: devices; Owner: -
--

ALTER TABLE ONLY devices.meter_credential
    ADD CONSTRAINT meter_credential_pkey PRIMARY KEY (device_id);


--
-- Name: alert alert_device_id_hour_start_key; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.alert
    ADD CONSTRAINT alert_device_id_hour_start_key UNIQUE (device_id, hour_start);


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (id);


--
-- Name: device_limit device_limit_pkey; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.device_limit
    ADD CONSTRAINT device_limit_pkey PRIMARY KEY (device_id, effective_from);


--
-- Name: device device_pkey; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.device
    ADD CONSTRAINT device_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: meter_reading meter_reading_pkey; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.meter_reading
    ADD CONSTRAINT meter_reading_pkey PRIMARY KEY (device_id, reading_time);


--
-- Name: quarter_total quarter_total_pkey; Type: CONSTRAINT; Schema: monitoring; Owner: -
--

ALTER TABLE ONLY monitoring.quarter_total
    ADD CONSTRAINT quarter_total_pkey PRIMARY KEY (device_id, quarter_start);


--
-- Name: app_user app_user_pkey; Type: CONSTRAINT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: login_session login_session_pkey; Type: CONSTRAINT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.login_session
    ADD CONSTRAINT login_session_pkey PRIMARY KEY (id);


--
-- Name: conversation_activity; Type: INDEX; Schema: chat; Owner: -
--

CREATE INDEX conversation_activity ON chat.conversation USING btree (last_message_at DESC NULLS LAST);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: chat; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON chat.flyway_schema_history USING btree (success);


--
-- Name: message_history; Type: INDEX; Schema: chat; Owner: -
--

CREATE INDEX message_history ON chat.message USING btree (conversation_id, seq);


--
-- Name: device_owner_idx; Type: INDEX; Schema: devices; Owner: -
--

CREATE INDEX device_owner_idx ON devices.device USING btree (owner_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: devices; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON devices.flyway_schema_history USING btree (success);


--
-- Name: alert_by_time; Type: INDEX; Schema: monitoring; Owner: -
--

CREATE INDEX alert_by_time ON monitoring.alert USING btree (created_at DESC);


--
-- Name: alert_newest; Type: INDEX; Schema: monitoring; Owner: -
--

CREATE INDEX alert_newest ON monitoring.alert USING btree (created_at DESC, id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: monitoring; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON monitoring.flyway_schema_history USING btree (success);


--
-- Name: app_user_username_key; Type: INDEX; Schema: users; Owner: -
--

CREATE UNIQUE INDEX app_user_username_key ON users.app_user USING btree (lower((username)::text));


--
-- Name: audit_entry_at_idx; Type: INDEX; Schema: users; Owner: -
--

CREATE INDEX audit_entry_at_idx ON users.audit_entry USING btree (at DESC, id DESC);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: users; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON users.flyway_schema_history USING btree (success);


--
-- Name: login_session_expires_idx; Type: INDEX; Schema: users; Owner: -
--

CREATE INDEX login_session_expires_idx ON users.login_session USING btree (expires_at);


--
-- Name: login_session_user_idx; Type: INDEX; Schema: users; Owner: -
--

CREATE INDEX login_session_user_idx ON users.login_session USING btree (user_id);


--
-- Name: message message_conversation_id_fkey; Type: FK CONSTRAINT; Schema: chat; Owner: -
--

ALTER TABLE ONLY chat.message
    ADD CONSTRAINT message_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES chat.conversation(id) ON DELETE CASCADE;


--
-- Name: meter_credential meter_credential_device_id_fkey; Type: FK CONSTRAINT; Schema: devices; Owner: -
--

ALTER TABLE ONLY devices.meter_credential
    ADD CONSTRAINT meter_credential_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices.device(id) ON DELETE CASCADE;


--
-- Name: login_session login_session_user_id_fkey; Type: FK CONSTRAINT; Schema: users; Owner: -
--

ALTER TABLE ONLY users.login_session
    ADD CONSTRAINT login_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES users.app_user(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


