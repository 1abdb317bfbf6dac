package nl.regiomonitor; public class Placeholder {}
