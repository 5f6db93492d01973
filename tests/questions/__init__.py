"""Tests for the questions package: bank loading, validation messages and bank content."""
