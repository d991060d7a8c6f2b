"""Word lists for plausible Spanish demo data.

Written for Trastienda; the towns, provinces and postal-code ranges are public
facts, the rest is invented. Lists are tuples so nobody mutates them by accident.
"""

from __future__ import annotations

FIRST_NAMES_F = (
    "María", "Carmen", "Ana", "Laura", "Lucía", "Marta", "Cristina", "Isabel", "Pilar", "Elena",
    "Raquel", "Beatriz", "Sara", "Paula", "Nuria", "Silvia", "Rosa", "Teresa", "Alicia", "Irene",
    "Eva", "Sonia", "Patricia", "Montserrat", "Inmaculada", "Julia", "Noelia", "Rocío", "Begoña",
    "Lorena", "Ainhoa", "Alba", "Claudia", "Natalia", "Esther", "Yolanda", "Mercedes", "Amparo",
    "Consuelo", "Nerea", "Olga", "Victoria", "Sofía", "Marina", "Andrea", "Covadonga", "Leire",
)

FIRST_NAMES_M = (
    "Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "Carlos",
    "Jesús", "Alejandro", "Miguel", "Rafael", "Pablo", "Pedro", "Ángel", "Sergio", "Fernando",
    "Jorge", "Luis", "Alberto", "Álvaro", "Adrián", "Diego", "Raúl", "Iván", "Rubén", "Óscar",
    "Enrique", "Andrés", "Ramón", "Vicente", "Joaquín", "Santiago", "Víctor", "Eduardo", "Mario",
    "Roberto", "Jaime", "Ignacio", "Marcos", "Hugo", "Gonzalo", "Iñaki", "Xavier", "Borja", "Íker",
)

SURNAMES = (
    "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Hernández", "Ruiz", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Gutiérrez", "Alonso", "Navarro", "Torres", "Domínguez", "Ramos", "Vázquez", "Gil",
    "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro",
    "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés",
    "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo",
    "Gallego", "Herrera", "Márquez", "León", "Peña", "Flores", "Cabrera", "Campos", "Vega",
    "Fuentes", "Carrasco", "Diez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana",
    "Herrero", "Lorenzo", "Montero", "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago",
    "Benítez", "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto",
    "Sáez", "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Pardo",
    "Echeverría", "Urquijo", "Aranda", "Salvador", "Lasheras", "Bielsa", "Laborda", "Artigas",
)

# Company names: "<activity> <core> <legal form>", e.g. "Suministros Aranda SL".
COMPANY_ACTIVITIES = (
    "Comercial", "Distribuciones", "Suministros", "Talleres", "Construcciones", "Reformas",
    "Transportes", "Instalaciones", "Ferretería", "Electricidad", "Fontanería", "Carpintería",
    "Hostelería", "Asesoría", "Consultoría", "Gestoría", "Informática", "Maderas", "Pinturas",
    "Climatización", "Alimentación", "Bodegas", "Panadería", "Cafetería", "Farmacia", "Papelería",
    "Limpiezas", "Jardinería", "Automoción", "Recambios", "Ópticas", "Imprenta", "Estudio",
    "Agrícola", "Cerámicas", "Textil", "Muebles", "Material Eléctrico", "Envases", "Logística",
)

COMPANY_CORES = (
    "Ebro", "Moncayo", "Pirineo", "Mediterráneo", "Cantábrico", "Sierra Norte", "La Huerta",
    "El Olivo", "Los Álamos", "San Jorge", "Santa Engracia", "del Valle", "Levante", "Atlántico",
    "Iberia", "Aragonesa", "Castellana", "Norte", "Sur", "Hermanos", "e Hijos", "Nova", "Tres Cantos",
    "Las Eras", "La Almunia", "Montes", "Río Gállego", "Alto Aragón", "Costa", "Meseta",
)

# CIF letter -> legal forms that letter stands for.
LEGAL_FORMS = {
    "A": ("SA",),
    "B": ("SL", "SL", "SL", "SLU"),
    "F": ("S. Coop.",),
    "E": ("CB",),
    "J": ("SC",),
}

SHOP_KINDS = (  # small retailers run by a person: the usual recargo de equivalencia customers
    "Mercería", "Droguería", "Frutería", "Ferretería", "Estanco", "Papelería", "Quiosco",
    "Zapatería", "Floristería", "Regalos", "Ultramarinos", "Bazar", "Herboristería",
)

PROFESSIONS = (  # professionals whose invoices carry IRPF withholding
    "Abogado", "Arquitecta", "Ingeniero técnico", "Fisioterapeuta", "Diseñadora gráfica",
    "Traductor", "Psicóloga", "Asesor fiscal", "Fotógrafo", "Consultora",
)

STREET_TYPES = ("Calle", "Calle", "Calle", "Avenida", "Plaza", "Paseo", "Camino", "Ronda", "Travesía")

STREET_NAMES = (
    "Mayor", "Real", "de la Constitución", "del Sol", "San Antonio", "de Goya", "del Carmen",
    "de la Paz", "Nueva", "del Pilar", "de Cervantes", "de Aragón", "de la Estación", "Alfonso I",
    "de los Olivos", "del Río", "de la Iglesia", "San Vicente", "de Valencia", "Juan XXIII",
    "de Zaragoza", "de la Libertad", "Ramón y Cajal", "de las Flores", "del Mercado", "Santa Ana",
    "de Castilla", "de la Fuente", "del Coso", "de los Almendros", "Independencia", "de Europa",
    "de América", "del Puerto", "de la Sierra", "Miguel Servet", "Gran Vía", "de Navarra",
    "Doctor Fleming", "de Madrid", "Severo Ochoa", "de las Huertas", "del Ebro", "Pignatelli",
)

# town, province, first postal code, how many codes the town spans
CITIES = (
    ("Zaragoza", "Zaragoza", 50001, 20), ("Calatayud", "Zaragoza", 50300, 1),
    ("Ejea de los Caballeros", "Zaragoza", 50600, 1), ("Utebo", "Zaragoza", 50180, 1),
    ("Huesca", "Huesca", 22001, 6), ("Barbastro", "Huesca", 22300, 1), ("Jaca", "Huesca", 22700, 1),
    ("Teruel", "Teruel", 44001, 3), ("Alcañiz", "Teruel", 44600, 1),
    ("Madrid", "Madrid", 28001, 50), ("Alcalá de Henares", "Madrid", 28801, 6),
    ("Getafe", "Madrid", 28901, 7), ("Móstoles", "Madrid", 28931, 8),
    ("Barcelona", "Barcelona", 8001, 40), ("Sabadell", "Barcelona", 8201, 8),
    ("Terrassa", "Barcelona", 8221, 7), ("Girona", "Girona", 17001, 7), ("Lleida", "Lleida", 25001, 8),
    ("Tarragona", "Tarragona", 43001, 8), ("Reus", "Tarragona", 43201, 6),
    ("Valencia", "Valencia", 46001, 25), ("Gandia", "Valencia", 46701, 2),
    ("Alicante", "Alicante", 3001, 16), ("Elche", "Alicante", 3201, 8),
    ("Castellón de la Plana", "Castellón", 12001, 6), ("Murcia", "Murcia", 30001, 12),
    ("Cartagena", "Murcia", 30201, 5), ("Sevilla", "Sevilla", 41001, 20),
    ("Dos Hermanas", "Sevilla", 41701, 4), ("Málaga", "Málaga", 29001, 18),
    ("Marbella", "Málaga", 29601, 4), ("Córdoba", "Córdoba", 14001, 14), ("Granada", "Granada", 18001, 14),
    ("Almería", "Almería", 4001, 9), ("Jaén", "Jaén", 23001, 9), ("Cádiz", "Cádiz", 11001, 12),
    ("Jerez de la Frontera", "Cádiz", 11401, 8), ("Huelva", "Huelva", 21001, 7),
    ("Bilbao", "Bizkaia", 48001, 15), ("Getxo", "Bizkaia", 48990, 1),
    ("Vitoria-Gasteiz", "Araba/Álava", 1001, 15), ("Donostia-San Sebastián", "Gipuzkoa", 20001, 18),
    ("Pamplona", "Navarra", 31001, 16), ("Tudela", "Navarra", 31500, 1), ("Logroño", "La Rioja", 26001, 9),
    ("Valladolid", "Valladolid", 47001, 16), ("Burgos", "Burgos", 9001, 7), ("León", "León", 24001, 10),
    ("Salamanca", "Salamanca", 37001, 9), ("Segovia", "Segovia", 40001, 6), ("Soria", "Soria", 42001, 5),
    ("Toledo", "Toledo", 45001, 8), ("Talavera de la Reina", "Toledo", 45600, 1),
    ("Albacete", "Albacete", 2001, 8), ("Ciudad Real", "Ciudad Real", 13001, 5),
    ("Guadalajara", "Guadalajara", 19001, 5), ("Cuenca", "Cuenca", 16001, 4), ("Badajoz", "Badajoz", 6001, 11),
    ("Cáceres", "Cáceres", 10001, 5), ("Oviedo", "Asturias", 33001, 13), ("Gijón", "Asturias", 33201, 13),
    ("Santander", "Cantabria", 39001, 12), ("A Coruña", "A Coruña", 15001, 11), ("Vigo", "Pontevedra", 36201, 16),
    ("Santiago de Compostela", "A Coruña", 15701, 6), ("Lugo", "Lugo", 27001, 4), ("Ourense", "Ourense", 32001, 5),
    ("Palma", "Illes Balears", 7001, 15), ("Las Palmas de Gran Canaria", "Las Palmas", 35001, 19),
    ("Santa Cruz de Tenerife", "Santa Cruz de Tenerife", 38001, 11),
)

# EU customers: country, towns with their postal codes, language of the invoice.
EU_CITIES = {
    "FR": (("Toulouse", "31000"), ("Pau", "64000"), ("Perpignan", "66000"), ("Bordeaux", "33000"), ("Lyon", "69001")),
    "PT": (("Lisboa", "1100-148"), ("Porto", "4000-322"), ("Braga", "4700-035"), ("Faro", "8000-078")),
    "DE": (("München", "80331"), ("Stuttgart", "70173"), ("Köln", "50667"), ("Hamburg", "20095")),
    "IT": (("Milano", "20121"), ("Torino", "10121"), ("Genova", "16121"), ("Bologna", "40121")),
}
EU_COMPANY_NAMES = {
    "FR": ("Distribution Garonne SARL", "Atelier Pyrénées SAS", "Maison Occitane SARL", "Quincaillerie du Sud SAS"),
    "PT": ("Comercial Tejo Lda", "Ferragens do Norte Lda", "Distribuições Atlântico SA"),
    "DE": ("Werkzeughandel Bauer GmbH", "Müller Haustechnik GmbH", "Südhandel KG"),
    "IT": ("Ferramenta Lombarda Srl", "Forniture Piemonte SpA", "Commerciale Adriatica Srl"),
}

# Real Spanish bank codes (entidad) for IBANs.
BANK_CODES = ("2100", "0049", "0182", "0081", "0128", "1465", "3058", "2085", "0075", "0487", "2080", "3035")

EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "yahoo.es", "outlook.es", "telefonica.net")

# Catalogue: category, SKU prefix, tax code, unit, price range in cents, base names, variants.
PRODUCT_CATEGORIES = (
    ("Ferretería", "FER", "IVA21", "ud", (60, 4500),
     ("Tornillo rosca madera", "Taco nylon", "Bisagra acero", "Cerradura de embutir", "Martillo carpintero",
      "Destornillador plano", "Llave inglesa", "Cinta americana", "Candado latón", "Brida plástico"),
     ("4x40 mm", "6x60 mm", "caja 100 ud", "cromado", "inoxidable", "negro", "mango bimaterial", "pack 5")),
    ("Electricidad", "ELE", "IVA21", "ud", (90, 8900),
     ("Bombilla LED", "Regleta", "Cable unifilar", "Enchufe schuko", "Interruptor", "Foco proyector",
      "Tubo corrugado", "Caja de empalmes", "Diferencial", "Pila alcalina"),
     ("E27 9 W", "GU10 5 W", "6 tomas", "2,5 mm²", "blanco", "empotrable", "IP65", "pack 4", "40 A")),
    ("Fontanería", "FON", "IVA21", "ud", (120, 12500),
     ("Grifo monomando", "Latiguillo flexible", "Codo cobre", "Válvula de esfera", "Sifón botella",
      "Teflón", "Tubo multicapa", "Cisterna", "Alcachofa de ducha"),
     ("1/2\"", "3/4\"", "30 cm", "cromado", "16 mm", "latón", "doble descarga")),
    ("Pintura", "PIN", "IVA21", "ud", (250, 9500),
     ("Pintura plástica", "Esmalte sintético", "Barniz al agua", "Imprimación", "Rodillo", "Brocha",
      "Cinta de carrocero", "Masilla"),
     ("blanco mate 4 l", "blanco 15 l", "negro satinado 750 ml", "incoloro 750 ml", "22 cm", "n.º 20", "48 mm")),
    ("Papelería", "PAP", "IVA21", "ud", (35, 3500),
     ("Paquete de folios", "Bolígrafo", "Carpeta de anillas", "Archivador", "Cuaderno", "Rotulador",
      "Grapadora", "Sobre", "Etiqueta adhesiva"),
     ("A4 80 g 500 h", "azul", "negro", "A4 lomo ancho", "cuadrícula 80 h", "fluorescente", "caja 25", "DIN A5")),
    ("Limpieza", "LIM", "IVA21", "ud", (80, 2500),
     ("Lejía", "Detergente", "Friegasuelos", "Bayeta microfibra", "Guantes de nitrilo", "Bolsa de basura",
      "Papel secamanos", "Desengrasante"),
     ("5 l", "1 l", "pack 10", "talla M", "talla L", "100 l rollo 10", "industrial")),
    ("Alimentación", "ALI", "IVA10", "ud", (90, 2400),
     ("Café molido", "Agua mineral", "Refresco de cola", "Galletas", "Chocolate negro", "Conserva de atún",
      "Vino tinto", "Zumo de naranja"),
     ("250 g", "1,5 l pack 6", "lata 33 cl", "500 g", "70 %", "pack 3", "crianza 75 cl", "1 l")),
    ("Alimentación básica", "ALB", "IVA4", "ud", (50, 1500),
     ("Pan de molde", "Leche entera", "Huevos camperos", "Arroz redondo", "Harina de trigo", "Queso curado",
      "Lentejas", "Aceite de oliva virgen extra"),
     ("450 g", "1 l", "docena", "1 kg", "cuña 300 g", "bolsa 1 kg", "botella 1 l")),
    ("Granel", "GRA", "IVA10", "kg", (150, 2500),
     ("Aceitunas", "Frutos secos surtidos", "Café en grano", "Caramelos"), ("a granel",)),
    ("Libros", "LIB", "IVA4", "ud", (900, 4500),
     ("Manual de prevención de riesgos", "Guía de bricolaje", "Libro de contabilidad", "Atlas de carreteras"),
     ("edición 2024", "tapa blanda", "2.ª edición")),
)

SERVICES = (  # name, unit, price range in cents, tax code
    ("Hora de mano de obra técnica", "h", (3000, 5500), "IVA21"),
    ("Hora de oficial de primera", "h", (2800, 4200), "IVA21"),
    ("Desplazamiento", "ud", (1500, 4500), "IVA21"),
    ("Instalación y puesta en marcha", "ud", (6000, 35000), "IVA21"),
    ("Mantenimiento preventivo", "ud", (4500, 25000), "IVA21"),
    ("Cuota mensual de soporte", "mes", (2500, 19000), "IVA21"),
    ("Transporte y entrega", "ud", (800, 6000), "IVA21"),
    ("Consultoría", "h", (4500, 9000), "IVA21"),
    ("Curso de formación", "ud", (9000, 60000), "EXENTO_E1"),
    ("Diseño de proyecto", "ud", (20000, 150000), "IVA21"),
    ("Alquiler de maquinaria", "día", (3500, 18000), "IVA21"),
    ("Reparación en taller", "ud", (2500, 30000), "IVA21"),
)

DEPARTMENTS = (  # code, name, positions (the first is the head)
    ("DIR", "Dirección", ("Director general", "Asistente de dirección")),
    ("ADM", "Administración", ("Responsable de administración", "Administrativo contable", "Auxiliar administrativo")),
    ("COM", "Comercial", ("Jefe de ventas", "Comercial", "Comercial", "Dependiente")),
    ("ALM", "Almacén y logística", ("Jefe de almacén", "Mozo de almacén", "Mozo de almacén", "Repartidor")),
    ("TEC", "Servicio técnico", ("Jefe de taller", "Técnico instalador", "Técnico instalador", "Oficial de primera")),
    ("ATC", "Atención al cliente", ("Coordinadora de atención al cliente", "Teleoperador")),
)

CUSTOMER_CONTRACTS = (
    "Mantenimiento anual de instalaciones", "Soporte informático", "Suministro periódico de material",
    "Servicio de mantenimiento preventivo", "Alquiler de maquinaria", "Contrato marco de suministro",
)
SUPPLIER_CONTRACTS = (
    "Alquiler del local comercial", "Renting de furgoneta", "Servicio de limpieza de oficinas",
    "Licencia del programa de gestión", "Seguro multirriesgo", "Suministro eléctrico", "Telefonía e internet",
    "Asesoría laboral", "Vigilancia y alarma",
)
