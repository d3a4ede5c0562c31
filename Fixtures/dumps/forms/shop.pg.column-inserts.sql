--
-- PostgreSQL database dump
--

\restrict 1c8UGVlpVyHQzetelt47rtlollfYv9gvwn1xGUB857rHTeFqD5q51m606cGFyq9

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
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

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: customers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.customers (
    id integer NOT NULL,
    email character varying(120) NOT NULL,
    name character varying(120) NOT NULL,
    created_at timestamp without time zone NOT NULL
);


ALTER TABLE public.customers OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.customers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.customers_id_seq OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.customers_id_seq OWNED BY public.customers.id;


--
-- Name: options; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.options (
    name character varying(64) NOT NULL,
    value text NOT NULL
);


ALTER TABLE public.options OWNER TO postgres;

--
-- Name: order_items; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.order_items (
    order_id integer NOT NULL,
    product_id integer NOT NULL,
    qty integer NOT NULL
);


ALTER TABLE public.order_items OWNER TO postgres;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    total numeric(10,2) NOT NULL
);


ALTER TABLE public.orders OWNER TO postgres;

--
-- Name: products; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.products (
    id integer NOT NULL,
    sku character varying(32) NOT NULL,
    price numeric(10,2) NOT NULL,
    image bytea
);


ALTER TABLE public.products OWNER TO postgres;

--
-- Name: wp_options; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.wp_options (
    option_id bigint NOT NULL,
    option_name character varying(191) NOT NULL,
    option_value text NOT NULL,
    autoload character varying(20) DEFAULT 'yes'::character varying NOT NULL
);


ALTER TABLE public.wp_options OWNER TO postgres;

--
-- Name: wp_options_option_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.wp_options_option_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.wp_options_option_id_seq OWNER TO postgres;

--
-- Name: wp_options_option_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.wp_options_option_id_seq OWNED BY public.wp_options.option_id;


--
-- Name: wp_posts; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.wp_posts (
    id bigint NOT NULL,
    post_author bigint NOT NULL,
    post_date timestamp without time zone NOT NULL,
    post_title text NOT NULL,
    post_content text NOT NULL,
    post_status character varying(20) NOT NULL
);


ALTER TABLE public.wp_posts OWNER TO postgres;

--
-- Name: wp_posts_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.wp_posts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.wp_posts_id_seq OWNER TO postgres;

--
-- Name: wp_posts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.wp_posts_id_seq OWNED BY public.wp_posts.id;


--
-- Name: wp_users; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.wp_users (
    id bigint NOT NULL,
    user_login character varying(60) NOT NULL,
    user_email character varying(100) NOT NULL,
    user_registered timestamp without time zone NOT NULL
);


ALTER TABLE public.wp_users OWNER TO postgres;

--
-- Name: wp_users_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.wp_users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.wp_users_id_seq OWNER TO postgres;

--
-- Name: wp_users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.wp_users_id_seq OWNED BY public.wp_users.id;


--
-- Name: customers id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers ALTER COLUMN id SET DEFAULT nextval('public.customers_id_seq'::regclass);


--
-- Name: wp_options option_id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_options ALTER COLUMN option_id SET DEFAULT nextval('public.wp_options_option_id_seq'::regclass);


--
-- Name: wp_posts id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_posts ALTER COLUMN id SET DEFAULT nextval('public.wp_posts_id_seq'::regclass);


--
-- Name: wp_users id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_users ALTER COLUMN id SET DEFAULT nextval('public.wp_users_id_seq'::regclass);


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.customers (id, email, name, created_at) VALUES (1, 'customer1@example.com', 'Ana O''Neil', '2026-02-11 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (2, 'customer2@example.com', 'Björn Æsir', '2026-03-12 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (3, 'customer3@example.com', 'Chloé Dubois', '2026-04-13 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (4, 'customer4@example.com', 'Dmitri Иванов', '2026-05-14 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (5, 'customer5@example.com', 'Eve "E" Smith', '2026-06-15 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (6, 'customer6@example.com', 'Fatima الزهراء', '2026-07-16 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (7, 'customer7@example.com', 'Gus Back\slash', '2026-08-17 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (8, 'customer8@example.com', 'Hana 花子', '2026-09-18 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (9, 'customer9@example.com', 'Ivo Tab	here', '2026-01-19 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (10, 'customer10@example.com', 'Jo New
Line', '2026-02-10 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (11, 'customer11@example.com', 'Kim', '2026-03-11 09:00:00');
INSERT INTO public.customers (id, email, name, created_at) VALUES (12, 'customer12@example.com', 'Lee', '2026-04-12 09:00:00');


--
-- Data for Name: options; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.options (name, value) VALUES ('siteurl', 'https://shop.example.com');
INSERT INTO public.options (name, value) VALUES ('greeting', 'Welcome to O''Neil''s "shop" — 🛒 ça marche');
INSERT INTO public.options (name, value) VALUES ('windows_path', 'C:\shop\new\table');
INSERT INTO public.options (name, value) VALUES ('multiline', 'line one
line two
	indented');
INSERT INTO public.options (name, value) VALUES ('sql_lookalike', '''); DROP TABLE customers; --');
INSERT INTO public.options (name, value) VALUES ('copy_terminator', '\.
after the terminator');
INSERT INTO public.options (name, value) VALUES ('fake_trailer', '-- PostgreSQL database dump complete');
INSERT INTO public.options (name, value) VALUES ('empty', '');
INSERT INTO public.options (name, value) VALUES ('percent_underscore', '100% of_it \% \_');
INSERT INTO public.options (name, value) VALUES ('emoji_only', '🎉🎉');


--
-- Data for Name: order_items; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1001, 2, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1001, 5, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1002, 3, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1002, 6, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1003, 4, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1003, 1, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1004, 5, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1004, 2, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1005, 6, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1005, 3, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1006, 1, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1006, 4, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1007, 2, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1007, 5, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1008, 3, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1008, 6, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1009, 4, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1009, 1, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1010, 5, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1010, 2, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1011, 6, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1011, 3, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1012, 1, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1012, 4, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1013, 2, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1013, 5, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1014, 3, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1014, 6, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1015, 4, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1015, 1, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1016, 5, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1016, 2, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1017, 6, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1017, 3, 4);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1018, 1, 1);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1018, 4, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1019, 2, 2);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1019, 5, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1020, 3, 3);
INSERT INTO public.order_items (order_id, product_id, qty) VALUES (1020, 6, 4);


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1001, 8, '2026-11-07 05:13:00', 61.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1002, 3, '2026-11-08 10:26:00', 105.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1003, 10, '2026-11-09 15:39:00', 20.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1004, 5, '2026-11-10 20:52:00', 52.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1005, 12, '2026-11-11 01:05:00', 96.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1006, 7, '2026-11-12 06:18:00', 29.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1007, 2, '2026-11-13 11:31:00', 61.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1008, 9, '2026-11-14 16:44:00', 105.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1009, 4, '2026-11-15 21:57:00', 20.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1010, 11, '2026-11-16 02:10:00', 52.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1011, 6, '2026-11-17 07:23:00', 96.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1012, 1, '2026-11-18 12:36:00', 29.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1013, 8, '2026-11-19 17:49:00', 61.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1014, 3, '2026-11-20 22:02:00', 105.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1015, 10, '2026-11-21 03:15:00', 20.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1016, 5, '2026-11-22 08:28:00', 52.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1017, 12, '2026-11-23 13:41:00', 96.93);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1018, 7, '2026-11-24 18:54:00', 29.97);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1019, 2, '2026-11-25 23:07:00', 61.95);
INSERT INTO public.orders (id, customer_id, created_at, total) VALUES (1020, 9, '2026-11-25 04:20:00', 105.93);


--
-- Data for Name: products; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.products (id, sku, price, image) VALUES (1, 'SKU-001', 3.99, '\x89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5a1e90000000049454e44ae426082');
INSERT INTO public.products (id, sku, price, image) VALUES (2, 'SKU-002', 6.99, '\x00275c0a0d1afffe223b5c2e0a2d2d2044756d7020636f6d706c65746564206f6e20323032302d30312d3031');
INSERT INTO public.products (id, sku, price, image) VALUES (3, 'SKU-003', 9.99, '\x03030303030303030303030303030303030303030303');
INSERT INTO public.products (id, sku, price, image) VALUES (4, 'SKU-004', 12.99, '\x0404040404040404040404040404040404040404040404040404040404');
INSERT INTO public.products (id, sku, price, image) VALUES (5, 'SKU-005', 15.99, '\x050505050505050505050505050505050505050505050505050505050505050505050505');
INSERT INTO public.products (id, sku, price, image) VALUES (6, 'SKU-006', 18.99, '\x06060606060606060606060606060606060606060606060606060606060606060606060606060606060606');


--
-- Data for Name: wp_options; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.wp_options (option_id, option_name, option_value, autoload) VALUES (1, 'siteurl', 'https://shop.example.com', 'yes');
INSERT INTO public.wp_options (option_id, option_name, option_value, autoload) VALUES (2, 'blogname', 'Ana''s Shop', 'yes');
INSERT INTO public.wp_options (option_id, option_name, option_value, autoload) VALUES (3, 'admin_email', 'ana@example.com', 'yes');
INSERT INTO public.wp_options (option_id, option_name, option_value, autoload) VALUES (4, 'template', 'storefront', 'yes');


--
-- Data for Name: wp_posts; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (1, 2, '2026-11-11 08:00:00', 'Post 1: what’s new', '<p>Body of post 1</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (2, 1, '2026-11-12 08:00:00', 'Post 2: what’s new', '<p>Body of post 2</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (3, 2, '2026-11-13 08:00:00', 'Post 3: what’s new', '<p>Body of post 3</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (4, 1, '2026-11-14 08:00:00', 'Post 4: what’s new', '<p>Body of post 4</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (5, 2, '2026-11-15 08:00:00', 'Post 5: what’s new', '<p>Body of post 5</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (6, 1, '2026-11-16 08:00:00', 'Post 6: what’s new', '<p>Body of post 6</p>
<!-- wp:paragraph -->', 'publish');
INSERT INTO public.wp_posts (id, post_author, post_date, post_title, post_content, post_status) VALUES (7, 2, '2026-11-17 08:00:00', 'Post 7: what’s new', '<p>Body of post 7</p>
<!-- wp:paragraph -->', 'publish');


--
-- Data for Name: wp_users; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.wp_users (id, user_login, user_email, user_registered) VALUES (1, 'ana', 'ana@example.com', '2025-03-01 09:00:00');
INSERT INTO public.wp_users (id, user_login, user_email, user_registered) VALUES (2, 'editor', 'editor@example.com', '2025-06-01 09:00:00');


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.customers_id_seq', 1, false);


--
-- Name: wp_options_option_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.wp_options_option_id_seq', 1, false);


--
-- Name: wp_posts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.wp_posts_id_seq', 1, false);


--
-- Name: wp_users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.wp_users_id_seq', 1, false);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: options options_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.options
    ADD CONSTRAINT options_pkey PRIMARY KEY (name);


--
-- Name: order_items order_items_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, product_id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);


--
-- Name: wp_options wp_options_option_name_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_options
    ADD CONSTRAINT wp_options_option_name_key UNIQUE (option_name);


--
-- Name: wp_options wp_options_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_options
    ADD CONSTRAINT wp_options_pkey PRIMARY KEY (option_id);


--
-- Name: wp_posts wp_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_posts
    ADD CONSTRAINT wp_posts_pkey PRIMARY KEY (id);


--
-- Name: wp_users wp_users_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_users
    ADD CONSTRAINT wp_users_pkey PRIMARY KEY (id);


--
-- Name: order_items order_items_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: order_items order_items_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: wp_posts wp_posts_post_author_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.wp_posts
    ADD CONSTRAINT wp_posts_post_author_fkey FOREIGN KEY (post_author) REFERENCES public.wp_users(id);


--
-- PostgreSQL database dump complete
--

\unrestrict 1c8UGVlpVyHQzetelt47rtlollfYv9gvwn1xGUB857rHTeFqD5q51m606cGFyq9

