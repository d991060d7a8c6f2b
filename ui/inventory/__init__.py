"""The Inventory tab: products with their stock on hand, warehouses, stock moves."""
