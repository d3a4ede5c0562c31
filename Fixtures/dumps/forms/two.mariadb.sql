/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: shop
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Current Database: `shop`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `shop`;

--
-- Table structure for table `customers`
--

DROP TABLE IF EXISTS `customers`;
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

--
-- Dumping data for table `customers`
--

LOCK TABLES `customers` WRITE;
/*!40000 ALTER TABLE `customers` DISABLE KEYS */;
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
/*!40000 ALTER TABLE `customers` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `options`
--

DROP TABLE IF EXISTS `options`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `options` (
  `name` varchar(64) NOT NULL,
  `value` longtext NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `options`
--

LOCK TABLES `options` WRITE;
/*!40000 ALTER TABLE `options` DISABLE KEYS */;
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
/*!40000 ALTER TABLE `options` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `order_items`
--

DROP TABLE IF EXISTS `order_items`;
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

--
-- Dumping data for table `order_items`
--

LOCK TABLES `order_items` WRITE;
/*!40000 ALTER TABLE `order_items` DISABLE KEYS */;
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
/*!40000 ALTER TABLE `order_items` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
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

--
-- Dumping data for table `orders`
--

LOCK TABLES `orders` WRITE;
/*!40000 ALTER TABLE `orders` DISABLE KEYS */;
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
/*!40000 ALTER TABLE `orders` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `products`
--

DROP TABLE IF EXISTS `products`;
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

--
-- Dumping data for table `products`
--

LOCK TABLES `products` WRITE;
/*!40000 ALTER TABLE `products` DISABLE KEYS */;
INSERT INTO `products` VALUES
(1,'SKU-001',3.99,'�PNG\r\n\Z\n\0\0\0\rIHDR\0\0\0\0\0\0\0\0\0ĉ\0\0\0\rIDATx�c����\0\0����\0\0\0\0IEND�B`�'),
(2,'SKU-002',6.99,'\0\'\\\n\r\Z��\";\\.\n-- Dump completed on 2020-01-01'),
(3,'SKU-003',9.99,''),
(4,'SKU-004',12.99,''),
(5,'SKU-005',15.99,''),
(6,'SKU-006',18.99,'');
/*!40000 ALTER TABLE `products` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `wp_options`
--

DROP TABLE IF EXISTS `wp_options`;
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

--
-- Dumping data for table `wp_options`
--

LOCK TABLES `wp_options` WRITE;
/*!40000 ALTER TABLE `wp_options` DISABLE KEYS */;
INSERT INTO `wp_options` VALUES
(1,'siteurl','https://shop.example.com','yes'),
(2,'blogname','Ana\'s Shop','yes'),
(3,'admin_email','ana@example.com','yes'),
(4,'template','storefront','yes');
/*!40000 ALTER TABLE `wp_options` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `wp_posts`
--

DROP TABLE IF EXISTS `wp_posts`;
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

--
-- Dumping data for table `wp_posts`
--

LOCK TABLES `wp_posts` WRITE;
/*!40000 ALTER TABLE `wp_posts` DISABLE KEYS */;
INSERT INTO `wp_posts` VALUES
(1,2,'2026-11-11 08:00:00','Post 1: what’s new','<p>Body of post 1</p>\n<!-- wp:paragraph -->','publish'),
(2,1,'2026-11-12 08:00:00','Post 2: what’s new','<p>Body of post 2</p>\n<!-- wp:paragraph -->','publish'),
(3,2,'2026-11-13 08:00:00','Post 3: what’s new','<p>Body of post 3</p>\n<!-- wp:paragraph -->','publish'),
(4,1,'2026-11-14 08:00:00','Post 4: what’s new','<p>Body of post 4</p>\n<!-- wp:paragraph -->','publish'),
(5,2,'2026-11-15 08:00:00','Post 5: what’s new','<p>Body of post 5</p>\n<!-- wp:paragraph -->','publish'),
(6,1,'2026-11-16 08:00:00','Post 6: what’s new','<p>Body of post 6</p>\n<!-- wp:paragraph -->','publish'),
(7,2,'2026-11-17 08:00:00','Post 7: what’s new','<p>Body of post 7</p>\n<!-- wp:paragraph -->','publish');
/*!40000 ALTER TABLE `wp_posts` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `wp_users`
--

DROP TABLE IF EXISTS `wp_users`;
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

--
-- Dumping data for table `wp_users`
--

LOCK TABLES `wp_users` WRITE;
/*!40000 ALTER TABLE `wp_users` DISABLE KEYS */;
INSERT INTO `wp_users` VALUES
(1,'ana','ana@example.com','2025-03-01 09:00:00'),
(2,'editor','editor@example.com','2025-06-01 09:00:00');
/*!40000 ALTER TABLE `wp_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Current Database: `blog`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `blog` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `blog`;

--
-- Table structure for table `posts`
--

DROP TABLE IF EXISTS `posts`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `posts` (
  `id` int(11) NOT NULL,
  `title` varchar(200) NOT NULL,
  `body` blob DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `posts`
--

LOCK TABLES `posts` WRITE;
/*!40000 ALTER TABLE `posts` DISABLE KEYS */;
INSERT INTO `posts` VALUES
(1,'Hello','\0�\''),
(2,'Second',NULL),
(3,'Third','\\');
/*!40000 ALTER TABLE `posts` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed
