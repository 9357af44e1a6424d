"""Where the demo organisation works and what its people are called.

Names are written here per country so a Toronto team sounds like Toronto and a Bangalore team
like Bangalore. Usernames and emails are ASCII (accents folded) because mail systems and
login forms still trip over anything else; the display name keeps its accents.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

COMPANY = "Lumen Group"
EMAIL_DOMAIN = "lumen.example.com"


@dataclass(frozen=True)
class City:
    country: str  # ISO 3166 code, as Location.country stores it
    city: str
    time_zone: str
    utc_offset: int  # standard-time offset in hours; good enough to place working hours
    phone_prefix: str
    weight: int  # share of the workforce


CITIES = [
    City("SE", "Stockholm", "Europe/Stockholm", 1, "+46 8", 16),
    City("SE", "Gothenburg", "Europe/Stockholm", 1, "+46 31", 5),
    City("CA", "Toronto", "America/Toronto", -5, "+1 416", 9),
    City("US", "Austin", "America/Chicago", -6, "+1 512", 9),
    City("US", "New York", "America/New_York", -5, "+1 212", 9),
    City("US", "San Francisco", "America/Los_Angeles", -8, "+1 415", 5),
    City("DE", "Berlin", "Europe/Berlin", 1, "+49 30", 9),
    City("DE", "Munich", "Europe/Berlin", 1, "+49 89", 4),
    City("IN", "Bangalore", "Asia/Kolkata", 5, "+91 80", 14),
    City("IN", "Pune", "Asia/Kolkata", 5, "+91 20", 5),
    City("GB", "London", "Europe/London", 0, "+44 20", 8),
    City("BR", "São Paulo", "America/Sao_Paulo", -3, "+55 11", 7),
]
HEADQUARTERS = 0  # Stockholm: the executive team sits here

FIRST_NAMES = {
    "SE": "Anna Erik Elin Lars Maja Johan Sara Karl Ida Nils Emma Oskar Linnea Axel Klara "
    "Gustav Frida Anders Sofia Henrik Astrid Magnus Ebba Per Maria Olof Ingrid Viktor Tove "
    "Mattias Hanna Fredrik Sanna Jonas Greta Björn Elsa Måns Wilma Pontus",
    "CA": "Liam Olivia Noah Emma Ethan Chloé Lucas Charlotte Owen Amelia Benjamin Ava Nathan "
    "Sophie Logan Maya Jacob Léa Samuel Isabelle Mathieu Zoe Gabriel Hannah Félix Avery Ryan "
    "Claire Dylan Megan Connor Aisha Wei Priya Mohammed Grace Thomas Emily Jordan Nadia",
    "US": "James Mary Robert Patricia Michael Jennifer David Linda Daniel Elizabeth Matthew "
    "Jessica Christopher Sarah Andrew Karen Joshua Ashley Kevin Michelle Brian Amanda Tyler "
    "Stephanie Marcus Jasmine Carlos Maria Jose Ana Kenji Mei Tyrone Keisha Rachel Aaron "
    "Lauren Derek Monica Sean",
    "DE": "Lukas Anna Leon Lena Felix Marie Jonas Laura Paul Julia Maximilian Sophie Tim Lea "
    "Jan Hannah Niklas Sarah Moritz Katharina Tobias Johanna Florian Lisa Stefan Jana Sebastian "
    "Franziska Matthias Carolin Philipp Miriam Jürgen Ute Markus Sabine Dirk Anja Kai Greta",
    "IN": "Aarav Priya Vivaan Ananya Aditya Diya Arjun Isha Rohan Kavya Rahul Sneha Vikram "
    "Pooja Karthik Lakshmi Siddharth Meera Arnav Nisha Ravi Deepa Sanjay Anjali Suresh Divya "
    "Rajesh Shreya Amit Neha Varun Swati Harish Revathi Manoj Pallavi Nikhil Aishwarya Gautam "
    "Keerthi",
    "GB": "Oliver Amelia George Isla Harry Ava Jack Emily Charlie Sophie Thomas Grace Oscar "
    "Lily William Freya James Ella Alfie Poppy Henry Evie Joseph Ruby Samuel Chloe Daniel "
    "Imogen Edward Harriet Rhys Siobhan Callum Niamh Priya Fatima Ade Kwame Zara Hamish",
    "BR": "João Maria Pedro Ana Lucas Juliana Gabriel Beatriz Rafael Larissa Mateus Camila "
    "Gustavo Fernanda Felipe Mariana Bruno Letícia Thiago Aline Rodrigo Patrícia Diego Vanessa "
    "Leonardo Bianca Eduardo Renata Vinícius Luana André Tatiana Caio Débora Otávio Priscila "
    "Henrique Natália Daniel Carolina",
}
LAST_NAMES = {
    "SE": "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
    "Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson "
    "Magnusson Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren "
    "Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström "
    "Eklund Danielsson Lundin Åberg Holm",
    "CA": "Smith Brown Tremblay Martin Roy Wilson MacDonald Gagnon Johnson Taylor Campbell "
    "Anderson Leblanc Lee Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Thompson White Scott Singh Patel Chen Wong Nguyen Kim Ahmed Stewart "
    "Fraser Murray Clarke Bergeron",
    "US": "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
    "Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez "
    "Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright "
    "Scott Nguyen Hill Flores Green Tanaka Kim Cohen Washington",
    "DE": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
    "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
    "Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier "
    "Köhler Herrmann König Walter Mayer Huber Yilmaz Kaya",
    "IN": "Sharma Verma Gupta Patel Reddy Nair Iyer Rao Kumar Singh Menon Pillai Joshi "
    "Desai Mehta Shah Chatterjee Banerjee Mukherjee Das Bose Krishnan Subramanian Venkatesh "
    "Agarwal Malhotra Kapoor Chopra Bhat Hegde Kulkarni Deshpande Naidu Choudhury Sinha "
    "Mishra Pandey Tiwari Saxena Srinivasan",
    "GB": "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson "
    "Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis Hughes "
    "Edwards Turner Harris Ward Morris Cooper King Baker Hill Moore Campbell Murphy O'Brien "
    "Okafor Mensah Shah",
    "BR": "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa "
    "Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias "
    "Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos "
    "Gonçalves Santana Teixeira Araújo Cavalcanti Moraes Campos Monteiro",
}
FIRST_NAMES = {country: names.split() for country, names in FIRST_NAMES.items()}
LAST_NAMES = {country: names.split() for country, names in LAST_NAMES.items()}


def fold(text: str) -> str:
    """'Jönsson' -> 'jonsson', "O'Brien" -> 'obrien': safe for usernames and emails."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def full_name(rng: random.Random, city: City) -> str:
    return f"{rng.choice(FIRST_NAMES[city.country])} {rng.choice(LAST_NAMES[city.country])}"


def username_for(name: str, taken: set[str]) -> str:
    """first.last, numbered when taken. Board slugs drop the dot ("board-annalind"), so
    "ann.alind" and "anna.lind" count as the same name too."""
    first, _space, last = name.partition(" ")
    base = f"{fold(first)}.{fold(last)}"
    username, n = base, 2
    while username in taken or username.replace(".", "") in taken:
        username = f"{base}{n}"
        n += 1
    taken.add(username)
    taken.add(username.replace(".", ""))
    return username


def phone(rng: random.Random, city: City) -> str:
    if city.phone_prefix.startswith("+1 "):
        # North American numbers: 555-01xx is the range reserved for fiction.
        return f"{city.phone_prefix} 555 01{rng.randrange(100):02d}"
    digits = f"{rng.randrange(10**7):07d}"
    return f"{city.phone_prefix} {digits[:3]} {digits[3:5]} {digits[5:]}"
