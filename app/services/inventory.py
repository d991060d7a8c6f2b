"""Inventory in one import: products, services, warehouses and stock moves.

The code lives in ``products`` (catalogue and warehouses), ``stock`` (moves
and stock on hand), ``stock_rules`` (reorder and shelf per warehouse) and
``stock_reports`` (valuation and the check); this module is the one name
screens import.
"""

from __future__ import annotations

from app.services.products import (
    PRODUCT_COLUMNS,
    WAREHOUSE_COLUMNS,
    ProductData,
    ProductView,
    WarehouseData,
    WarehouseView,
    archive_product,
    archive_warehouse,
    count_products,
    count_warehouses,
    create_product,
    create_warehouse,
    find_product_by_code,
    get_product,
    get_warehouse,
    list_products,
    list_warehouses,
    restore_product,
    restore_warehouse,
    update_product,
    update_warehouse,
)
from app.services.stock import (
    MOVE_COLUMNS,
    StockMoveData,
    StockMoveView,
    WarehouseStock,
    count_moves,
    get_move,
    list_moves,
    record_move,
    reverse_move,
    stock_by_warehouse,
    stock_on_hand,
)
from app.services.stock_reports import StockCheck, WarehouseValue, check_stock_levels, stock_value
from app.services.stock_rules import StockRuleData, set_stock_rule

__all__ = [
    "PRODUCT_COLUMNS", "WAREHOUSE_COLUMNS", "MOVE_COLUMNS",
    "ProductData", "ProductView", "WarehouseData", "WarehouseView", "StockMoveData", "StockMoveView",
    "WarehouseStock", "WarehouseValue", "StockRuleData", "StockCheck",
    "create_product", "update_product", "archive_product", "restore_product", "get_product",
    "find_product_by_code", "list_products", "count_products",
    "create_warehouse", "update_warehouse", "archive_warehouse", "restore_warehouse", "get_warehouse",
    "list_warehouses", "count_warehouses",
    "record_move", "reverse_move", "get_move", "stock_on_hand", "stock_by_warehouse",
    "list_moves", "count_moves", "set_stock_rule", "stock_value", "check_stock_levels",
]
