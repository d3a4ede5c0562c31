/*M!999999\- enable the sandbox mode */ 
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `customers` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `email` varchar(120) NOT NULL,
  `name` varchar(120) NOT NULL,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`)
) ENGINE=InnoDB AUTO_INCREMENT=13 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `customers` VALUES
(1,'customer1@example.com','Ana O\'Neil','2026-02-11 09:00:00'),
(2,'customer2@example.com','Björn Æsir','2026-03-12 09:00:00'),
(3,'customer3@example.com','Chloé Dubois','2026-04-13 09:00:00'),
(4,'customer4@example.com','Dmitri Иванов','2026-05-14 09:00:00'),
(5,'customer5@example.com','Eve \"E\" Smith','2026-06-15 09:00:00'),
(6,'customer6@example.com','Fatima الزهراء','2026-07-16 09:00:00'),
(7,'customer7@example.com','Gus Back\\slash','2026-08-17 09:00:00'),
(8,'customer8@example.com','Hana 花子','2026-09-18 09:00:00'),
(9,'customer9@example.com','Ivo Tab	here','2026-01-19 09:00:00'),
(10,'customer10@example.com','Jo New\nLine','2026-02-10 09:00:00'),
(11,'customer11@example.com','Kim','2026-03-11 09:00:00'),
(12,'customer12@example.com','Lee','2026-04-12 09:00:00');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `options` (
  `name` varchar(64) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `options` VALUES
('copy_terminator','\\.\nafter the terminator'),
('emoji_only','🎉🎉'),
('empty',''),
('fake_trailer','-- PostgreSQL database dump complete'),
('greeting','Welcome to O\'Neil\'s \"shop\" — 🛒 ça marche'),
('multiline','line one\nline two\r\n	indented'),
('percent_underscore','100% of_it \\% \\_'),
('siteurl','https://shop.example.com'),
('sql_lookalike','\'); DROP TABLE customers; --'),
('windows_path','C:\\shop\\new\\table');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `order_items` (
  `order_id` int(11) NOT NULL,
  `product_id` int(11) NOT NULL,
  `qty` int(11) NOT NULL,
  PRIMARY KEY (`order_id`,`product_id`),
  KEY `fk_items_product` (`product_id`),
  CONSTRAINT `fk_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`),
  CONSTRAINT `fk_items_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `order_items` VALUES
(1001,2,2),
(1001,5,3),
(1002,3,3),
(1002,6,4),
(1003,1,2),
(1003,4,1),
(1004,2,3),
(1004,5,2),
(1005,3,4),
(1005,6,3),
(1006,1,1),
(1006,4,2),
(1007,2,2),
(1007,5,3),
(1008,3,3),
(1008,6,4),
(1009,1,2),
(1009,4,1),
(1010,2,3),
(1010,5,2),
(1011,3,4),
(1011,6,3),
(1012,1,1),
(1012,4,2),
(1013,2,2),
(1013,5,3),
(1014,3,3),
(1014,6,4),
(1015,1,2),
(1015,4,1),
(1016,2,3),
(1016,5,2),
(1017,3,4),
(1017,6,3),
(1018,1,1),
(1018,4,2),
(1019,2,2),
(1019,5,3),
(1020,3,3),
(1020,6,4);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `orders` (
  `id` int(11) NOT NULL,
  `customer_id` int(11) NOT NULL,
  `created_at` datetime NOT NULL,
  `total` decimal(10,2) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_customer` (`customer_id`),
  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `orders` VALUES
(1001,8,'2026-11-07 05:13:00',61.95),
(1002,3,'2026-11-08 10:26:00',105.93),
(1003,10,'2026-11-09 15:39:00',20.97),
(1004,5,'2026-11-10 20:52:00',52.95),
(1005,12,'2026-11-11 01:05:00',96.93),
(1006,7,'2026-11-12 06:18:00',29.97),
(1007,2,'2026-11-13 11:31:00',61.95),
(1008,9,'2026-11-14 16:44:00',105.93),
(1009,4,'2026-11-15 21:57:00',20.97),
(1010,11,'2026-11-16 02:10:00',52.95),
(1011,6,'2026-11-17 07:23:00',96.93),
(1012,1,'2026-11-18 12:36:00',29.97),
(1013,8,'2026-11-19 17:49:00',61.95),
(1014,3,'2026-11-20 22:02:00',105.93),
(1015,10,'2026-11-21 03:15:00',20.97),
(1016,5,'2026-11-22 08:28:00',52.95),
(1017,12,'2026-11-23 13:41:00',96.93),
(1018,7,'2026-11-24 18:54:00',29.97),
(1019,2,'2026-11-25 23:07:00',61.95),
(1020,9,'2026-11-25 04:20:00',105.93);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `products` (
  `id` int(11) NOT NULL,
  `sku` varchar(32) NOT NULL,
  `price` decimal(10,2) NOT NULL,
  `image` mediumblob DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `products` VALUES
(1,'SKU-001',3.99,'�PNG\r\n\Z\n\0\0\0\rIHDR\0\0\0\0\0\0\0\0\0ĉ\0\0\0\rIDATx�c����\0\0����\0\0\0\0IEND�B`�'),
(2,'SKU-002',6.99,'\0\'\\\n\r\Z��\";\\.\n-- Dump completed on 2020-01-01'),
(3,'SKU-003',9.99,''),
(4,'SKU-004',12.99,''),
(5,'SKU-005',15.99,''),
(6,'SKU-006',18.99,'');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `wp_options` (
  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_name` varchar(191) NOT NULL,
  `option_value` longtext NOT NULL,
  `autoload` varchar(20) NOT NULL DEFAULT 'yes',
  PRIMARY KEY (`option_id`),
  UNIQUE KEY `option_name` (`option_name`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `wp_options` VALUES
(1,'siteurl','https://shop.example.com','yes'),
(2,'blogname','Ana\'s Shop','yes'),
(3,'admin_email','ana@example.com','yes'),
(4,'template','storefront','yes');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `wp_posts` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_author` bigint(20) unsigned NOT NULL,
  `post_date` datetime NOT NULL,
  `post_title` text NOT NULL,
  `post_content` longtext NOT NULL,
  `post_status` varchar(20) NOT NULL,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `wp_posts` VALUES
(1,2,'2026-11-11 08:00:00','Post 1: what’s new','<p>Body of post 1</p>\n<!-- wp:paragraph -->','publish'),
(2,1,'2026-11-12 08:00:00','Post 2: what’s new','<p>Body of post 2</p>\n<!-- wp:paragraph -->','publish'),
(3,2,'2026-11-13 08:00:00','Post 3: what’s new','<p>Body of post 3</p>\n<!-- wp:paragraph -->','publish'),
(4,1,'2026-11-14 08:00:00','Post 4: what’s new','<p>Body of post 4</p>\n<!-- wp:paragraph -->','publish'),
(5,2,'2026-11-15 08:00:00','Post 5: what’s new','<p>Body of post 5</p>\n<!-- wp:paragraph -->','publish'),
(6,1,'2026-11-16 08:00:00','Post 6: what’s new','<p>Body of post 6</p>\n<!-- wp:paragraph -->','publish'),
(7,2,'2026-11-17 08:00:00','Post 7: what’s new','<p>Body of post 7</p>\n<!-- wp:paragraph -->','publish');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `wp_users` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_login` varchar(60) NOT NULL,
  `user_email` varchar(100) NOT NULL,
  `user_registered` datetime NOT NULL,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `wp_users` VALUES
(1,'ana','ana@example.com','2025-03-01 09:00:00'),
(2,'editor','editor@example.com','2025-06-01 09:00:00');
